// Isomorphic (no node: imports): the browser bundle exports these, so a page can read dropped .nii / .nii.gz files.
import { NIFTI1, NIFTI2, isNIFTI1, isNIFTI2, readHeader } from "nifti-reader-js";
import { RadvalError } from "../core/errors.js";
import type { BinaryMask, Dims3, Spacing3 } from "../segmentation/mask.js";
import { checkGrid } from "../segmentation/mask.js";

/** Voxel values of a NIfTI image, in the stored type (int64 types as Float64Array). */
export type NiftiValues = Uint8Array | Int8Array | Int16Array | Uint16Array | Int32Array | Uint32Array | Float32Array | Float64Array;

/**
 * A 3-D NIfTI-1 or NIfTI-2 image: grid, spacing (mm), voxel-to-world affine,
 * orientation and the stored voxel values (before `scl_slope`/`scl_inter`,
 * which are kept separately).
 */
export interface NiftiVolume {
  readonly source: string;
  /** 1 or 2. */
  readonly version: 1 | 2;
  /** (nx, ny, nz) = dim[1..3]; value (i, j, k) is values[i + nx·(j + ny·k)]. */
  readonly dims: Dims3;
  /** pixdim[1..3] as stored (float32 → double: 0.8 reads as 0.800000011920929), converted to mm when xyzt_units says m or µm. */
  readonly spacing: Spacing3;
  /** 4 × 4 voxel → world (mm) matrix as nifti-reader-js derives it (qform when qform_code > 0 and ≥ sform_code, else sform, else diag(pixdim)). */
  readonly affine: readonly (readonly number[])[];
  /** Axis codes of the affine (nibabel's aff2axcodes): e.g. "RAS", "LPS". */
  readonly orientation: string;
  readonly datatypeCode: number;
  readonly datatype: string;
  /** Linear scaling applied to the stored values (null when absent: slope 0 or NaN, or slope 1 and intercept 0). */
  readonly scaling: { readonly slope: number; readonly intercept: number } | null;
  readonly values: NiftiValues;
}

const TYPES: Record<number, { name: string; bytes: number; float: boolean }> = {
  2: { name: "uint8", bytes: 1, float: false },
  4: { name: "int16", bytes: 2, float: false },
  8: { name: "int32", bytes: 4, float: false },
  16: { name: "float32", bytes: 4, float: true },
  64: { name: "float64", bytes: 8, float: true },
  256: { name: "int8", bytes: 1, float: false },
  512: { name: "uint16", bytes: 2, float: false },
  768: { name: "uint32", bytes: 4, float: false },
  1024: { name: "int64", bytes: 8, float: false },
  1280: { name: "uint64", bytes: 8, float: false },
};

/** True when the bytes start with the gzip magic number 1f 8b. */
export function isGzip(bytes: Uint8Array): boolean {
  return bytes.length >= 2 && bytes[0] === 0x1f && bytes[1] === 0x8b;
}

function asBytes(data: ArrayBuffer | Uint8Array): Uint8Array {
  return data instanceof Uint8Array ? data : new Uint8Array(data);
}

/**
 * Gunzips with the platform's `DecompressionStream("gzip")` (browsers, Deno,
 * Node ≥ 18); concatenated gzip members are decoded as one stream.
 */
export async function gunzipStream(data: ArrayBuffer | Uint8Array, source = "NIfTI data"): Promise<Uint8Array> {
  try {
    const stream = new Blob([asBytes(data) as Uint8Array<ArrayBuffer>]).stream().pipeThrough(new DecompressionStream("gzip"));
    return new Uint8Array(await new Response(stream).arrayBuffer());
  } catch (e) {
    throw new RadvalError("NIFTI_INVALID", `cannot decompress the gzip data (${(e as Error).message})`, { where: { file: source }, hint: "The .nii.gz file is damaged or truncated: export it again." });
  }
}

/** nibabel's aff2axcodes: for each voxel axis the world axis it mostly points along, and the direction. */
function axisCodes(affine: readonly (readonly number[])[]): string {
  const letters = [
    ["L", "R"],
    ["P", "A"],
    ["I", "S"],
  ];
  let out = "";
  for (let c = 0; c < 3; c++) {
    let best = 0;
    for (let r = 1; r < 3; r++) if (Math.abs(affine[r]![c]!) > Math.abs(affine[best]![c]!)) best = r;
    const v = affine[best]![c]!;
    out += v === 0 || !Number.isFinite(v) ? "?" : letters[best]![v > 0 ? 1 : 0];
  }
  return out;
}

/**
 * Parses an uncompressed single-file NIfTI-1 (`n+1`) or NIfTI-2 (`n+2`)
 * image from its bytes: the header by nifti-reader-js (both byte orders),
 * the voxel values from `vox_offset` as a typed array of the stored type
 * (byte-swapped when big-endian). Only 3-D images (extra dimensions of size
 * 1 allowed) of integer or real types are accepted; anything else is a
 * RadvalError naming the file. Gzipped bytes: use {@link readNiftiBytes}
 * (browser) or radval/node's `readNiftiFile`. O(voxels).
 */
export function parseNifti(data: ArrayBuffer | Uint8Array, options: { source?: string } = {}): NiftiVolume {
  const source = options.source ?? "NIfTI data";
  const bytes = asBytes(data);
  const where = { file: source };
  if (isGzip(bytes)) {
    throw new RadvalError("NIFTI_INVALID", "the data is gzip-compressed", { where, hint: "Decompress first (readNiftiBytes does it with DecompressionStream; readNiftiFile with zlib)." });
  }
  const head = bytes.slice(0, Math.min(bytes.length, 1 << 16)).buffer;
  if (!isNIFTI1(head) && !isNIFTI2(head)) {
    const hdrPair = isNIFTI1(head, true) || isNIFTI2(head, true);
    throw new RadvalError("NIFTI_INVALID", hdrPair ? "this is the header of a .hdr/.img pair, not a single-file NIfTI" : "not a NIfTI-1 or NIfTI-2 file (no n+1 / n+2 magic)", {
      where,
      hint: hdrPair ? "Convert the pair to one .nii.gz (e.g. nibabel.save(nibabel.load(f), 'x.nii.gz'))." : "Pass a .nii or .nii.gz file.",
    });
  }
  let header: NIFTI1 | NIFTI2;
  try {
    header = readHeader(head);
  } catch (e) {
    throw new RadvalError("NIFTI_INVALID", `unreadable NIfTI header (${(e as Error).message})`, { where });
  }
  const version = header instanceof NIFTI2 ? 2 : 1;
  const ndim = header.dims[0]!;
  const dimList = header.dims.slice(1, 1 + Math.max(ndim, 0));
  if (ndim < 3 || ndim > 7 || dimList.slice(3).some((d) => d !== 1)) {
    throw new RadvalError("NIFTI_NOT_3D", `expected a 3-D image, got ${ndim} dimension(s) (${dimList.join(" × ")})`, {
      where,
      hint: "Masks must be 3-D volumes; split 4-D series into one file per volume.",
    });
  }
  const type = TYPES[header.datatypeCode];
  if (!type) {
    throw new RadvalError("NIFTI_DATATYPE", `unsupported NIfTI datatype ${header.datatypeCode} (${header.getDatatypeCodeString(header.datatypeCode)})`, {
      where,
      hint: "Save the mask as an integer (uint8, int16, …) or float image.",
    });
  }
  const dims: Dims3 = [header.dims[1]!, header.dims[2]!, header.dims[3]!];
  const units = header.xyzt_units & 7;
  const unitScale = units === 1 ? 1000 : units === 3 ? 0.001 : 1;
  const spacing: Spacing3 = [Math.abs(header.pixDims[1]!) * unitScale, Math.abs(header.pixDims[2]!) * unitScale, Math.abs(header.pixDims[3]!) * unitScale];
  checkGrid(dims, spacing, source);
  const n = dims[0] * dims[1] * dims[2];
  const offset = Math.floor(header.vox_offset);
  const need = offset + n * type.bytes;
  if (bytes.length < need) {
    throw new RadvalError("NIFTI_INVALID", `the file is truncated: ${dims.join(" × ")} ${type.name} voxels need ${need} bytes from the start, it has ${bytes.length}`, { where });
  }
  const values = readValues(bytes, bytes.byteOffset + offset, n, header.datatypeCode, header.littleEndian);
  const slope = header.scl_slope;
  const intercept = Number.isFinite(header.scl_inter) ? header.scl_inter : 0;
  const scaling = !Number.isFinite(slope) || slope === 0 || (slope === 1 && intercept === 0) ? null : { slope, intercept };
  const affine = header.affine.map((row) => row.slice());
  return { source, version, dims, spacing, affine, orientation: axisCodes(affine), datatypeCode: header.datatypeCode, datatype: type.name, scaling, values };
}

function readValues(bytes: Uint8Array, start: number, n: number, code: number, littleEndian: boolean): NiftiValues {
  const buffer = bytes.buffer as ArrayBuffer;
  const size = TYPES[code]!.bytes;
  const native = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;
  if (code === 2) return new Uint8Array(buffer, start, n);
  if (code === 256) return new Int8Array(buffer, start, n);
  if (code === 1024 || code === 1280) {
    const view = new DataView(buffer, start, n * 8);
    const out = new Float64Array(n);
    for (let i = 0; i < n; i++) out[i] = Number(code === 1024 ? view.getBigInt64(i * 8, littleEndian) : view.getBigUint64(i * 8, littleEndian));
    return out;
  }
  // Aligned, native byte order: a view, no copy. Otherwise copy (and swap bytes when the order differs).
  let src = start;
  let buf = buffer;
  if (start % size !== 0 || littleEndian !== native) {
    const copy = new Uint8Array(n * size);
    copy.set(new Uint8Array(buffer, start, n * size));
    if (littleEndian !== native) {
      for (let i = 0; i < copy.length; i += size) copy.subarray(i, i + size).reverse();
    }
    buf = copy.buffer;
    src = 0;
  }
  switch (code) {
    case 4:
      return new Int16Array(buf, src, n);
    case 8:
      return new Int32Array(buf, src, n);
    case 16:
      return new Float32Array(buf, src, n);
    case 64:
      return new Float64Array(buf, src, n);
    case 512:
      return new Uint16Array(buf, src, n);
    default:
      return new Uint32Array(buf, src, n);
  }
}

/**
 * Reads a .nii or .nii.gz from its bytes (e.g. a file dropped on a page):
 * gzip is undone by the platform's `DecompressionStream`, then
 * {@link parseNifti}. Works in browsers and Node.
 */
export async function readNiftiBytes(data: ArrayBuffer | Uint8Array, options: { source?: string } = {}): Promise<NiftiVolume> {
  const bytes = asBytes(data);
  return parseNifti(isGzip(bytes) ? await gunzipStream(bytes, options.source) : bytes, options);
}

/** Which voxels make the mask: a label value, or (default) the type's rule. */
export interface NiftiMaskOptions {
  /** Voxels equal to this value (after scl_slope/scl_inter) are inside, e.g. 2 for tumour in a liver = 1, tumour = 2 label map. */
  readonly label?: number;
  /**
   * Reuse the volume's own uint8 voxel buffer for the mask (overwritten with 0/1) instead of allocating a
   * second one: for callers that own the volume and drop it (radval/node's readNiftiMask). Default false.
   */
  readonly inPlace?: boolean;
}

/**
 * The binary mask of a NIfTI volume: with `label`, the voxels whose value
 * (after scaling) equals it; otherwise value ≠ 0 for integer images and
 * value > 0.5 for real-valued or scaled images (probability maps; 0/1 float
 * masks give the same mask as ≠ 0). O(voxels).
 */
export function niftiMask(volume: NiftiVolume, options: NiftiMaskOptions = {}): BinaryMask {
  const { values, scaling } = volume;
  const n = values.length;
  const reuse = options.inPlace === true && values instanceof Uint8Array && scaling === null;
  const data = reuse ? values : new Uint8Array(n);
  const label = options.label;
  if (label !== undefined && !Number.isFinite(label)) {
    throw new RadvalError("INVALID_OPTION", `the label must be a number, got ${label}`, { where: { option: "--label" } });
  }
  const slope = scaling?.slope ?? 1;
  const intercept = scaling?.intercept ?? 0;
  if (label !== undefined) {
    if (scaling) {
      for (let i = 0; i < n; i++) if (values[i]! * slope + intercept === label) data[i] = 1;
    } else if (reuse) {
      for (let i = 0; i < n; i++) data[i] = values[i] === label ? 1 : 0;
    } else {
      for (let i = 0; i < n; i++) if (values[i] === label) data[i] = 1;
    }
  } else if (scaling || TYPES[volume.datatypeCode]!.float) {
    for (let i = 0; i < n; i++) if (values[i]! * slope + intercept > 0.5) data[i] = 1;
  } else if (values instanceof Uint8Array) {
    uint8NonZero(values, data);
  } else {
    for (let i = 0; i < n; i++) if (values[i] !== 0) data[i] = 1;
  }
  return { data, dims: volume.dims, spacing: volume.spacing, affine: volume.affine, source: volume.source };
}

/** out[i] = 1 where values[i] ≠ 0, skipping zero 4-byte words (masks are mostly background); `out` may be `values`. */
function uint8NonZero(values: Uint8Array, out: Uint8Array): void {
  const n = values.length;
  let p = 0;
  if (values.byteOffset % 4 === 0) {
    const words = new Int32Array(values.buffer, values.byteOffset, n >> 2);
    for (let w = 0; w < words.length; w++) {
      if (words[w] === 0) continue;
      const b = w << 2;
      out[b] = values[b] !== 0 ? 1 : 0;
      out[b + 1] = values[b + 1] !== 0 ? 1 : 0;
      out[b + 2] = values[b + 2] !== 0 ? 1 : 0;
      out[b + 3] = values[b + 3] !== 0 ? 1 : 0;
    }
    p = words.length << 2;
  }
  for (; p < n; p++) if (values[p] !== 0) out[p] = 1;
}

/** Reads two .nii/.nii.gz byte buffers and returns their masks (see {@link niftiMask}). */
export async function niftiMasksFromBytes(
  reference: ArrayBuffer | Uint8Array,
  prediction: ArrayBuffer | Uint8Array,
  options: NiftiMaskOptions & { referenceName?: string; predictionName?: string } = {},
): Promise<[BinaryMask, BinaryMask]> {
  const a = await readNiftiBytes(reference, { source: options.referenceName ?? "reference" });
  const b = await readNiftiBytes(prediction, { source: options.predictionName ?? "prediction" });
  const maskOptions = options.label === undefined ? {} : { label: options.label };
  return [niftiMask(a, maskOptions), niftiMask(b, maskOptions)];
}

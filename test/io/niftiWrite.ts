/**
 * Test helper: writes NIfTI-1 single-file images (n+1) byte by byte, following the NIfTI-1 header layout
 * (nifti1.h: sizeof_hdr 0, dim 40, datatype 70, bitpix 72, pixdim 76, vox_offset 108, scl_slope 112, scl_inter 116,
 * xyzt_units 123, qform_code 252, sform_code 254, srow_x/y/z 280/296/312, magic 344), so the reader is tested on
 * files it did not write itself.
 */
export interface TestNifti {
  dims: number[]; // dim[1..]
  values: ArrayLike<number>;
  datatype?: number; // default 2 (uint8)
  littleEndian?: boolean;
  pixdim?: [number, number, number];
  srow?: [number[], number[], number[]]; // sform rows (sform_code 1)
  slope?: number;
  intercept?: number;
  magic?: string; // default "n+1"
  units?: number; // xyzt_units, default 2 (mm)
}

const BYTES: Record<number, number> = { 2: 1, 4: 2, 8: 4, 16: 4, 64: 8, 256: 1, 512: 2, 768: 4, 1024: 8, 32: 8 };

export function niftiTestBytes(spec: TestNifti): Uint8Array {
  const type = spec.datatype ?? 2;
  const size = BYTES[type]!;
  const le = spec.littleEndian ?? true;
  const n = spec.values.length;
  const out = new Uint8Array(352 + n * size);
  const v = new DataView(out.buffer);
  v.setInt32(0, 348, le);
  const dim = [spec.dims.length, ...spec.dims];
  while (dim.length < 8) dim.push(1);
  dim.forEach((d, i) => v.setInt16(40 + 2 * i, d, le));
  v.setInt16(70, type, le);
  v.setInt16(72, size * 8, le);
  const pix = spec.pixdim ?? [1, 1, 1];
  [1, ...pix, 1, 1, 1, 1].forEach((p, i) => v.setFloat32(76 + 4 * i, p, le));
  v.setFloat32(108, 352, le);
  v.setFloat32(112, spec.slope ?? 0, le);
  v.setFloat32(116, spec.intercept ?? 0, le);
  v.setUint8(123, spec.units ?? 2);
  const srow = spec.srow ?? [
    [pix[0], 0, 0, 0],
    [0, pix[1], 0, 0],
    [0, 0, pix[2], 0],
  ];
  v.setInt16(254, 1, le);
  srow.forEach((row, r) => row.forEach((x, c) => v.setFloat32(280 + 16 * r + 4 * c, x, le)));
  const magic = spec.magic ?? "n+1";
  for (let i = 0; i < magic.length; i++) out[344 + i] = magic.charCodeAt(i);
  for (let i = 0; i < n; i++) {
    const x = spec.values[i]!;
    const at = 352 + i * size;
    switch (type) {
      case 2: v.setUint8(at, x); break;
      case 256: v.setInt8(at, x); break;
      case 4: v.setInt16(at, x, le); break;
      case 512: v.setUint16(at, x, le); break;
      case 8: v.setInt32(at, x, le); break;
      case 768: v.setUint32(at, x, le); break;
      case 16: v.setFloat32(at, x, le); break;
      case 64: v.setFloat64(at, x, le); break;
      case 1024: v.setBigInt64(at, BigInt(x), le); break;
      case 32: break; // complex64: left zero (only the header matters)
      default: throw new Error(`no writer for datatype ${type}`);
    }
  }
  return out;
}

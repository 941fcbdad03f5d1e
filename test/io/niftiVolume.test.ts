/**
 * The NIfTI reader: fixture files (written by nibabel 5.0.0 in test/fixtures/fx_segmentation.py) read through Node's
 * zlib and through DecompressionStream give identical masks; hand-built headers (./niftiWrite.ts) cover the data
 * types, byte orders, scaling, labels and every bad input the reader names.
 */
import { readFileSync, writeFileSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import { readNiftiFile, readNiftiMask } from "../../src/io/niftiFile.js";
import { niftiMask, parseNifti, readNiftiBytes } from "../../src/io/niftiVolume.js";
import { fixturePath, loadFixture } from "../helpers.js";
import { niftiTestBytes } from "./niftiWrite.js";

const fx = loadFixture("segmentation_metrics.json");

async function rejects(p: Promise<unknown>): Promise<any> {
  try {
    await p;
  } catch (e) {
    return e;
  }
  throw new Error("expected a rejection");
}

function throws(f: () => unknown): any {
  try {
    f();
  } catch (e) {
    return e;
  }
  throw new Error("expected an error");
}

describe("NIfTI files from nibabel", () => {
  it("header: dims, float32 spacing, affine, orientation, datatype", () => {
    const v = readNiftiFile(fixturePath("segmentation/ref_liver.nii.gz"));
    expect(v.version).toBe(1);
    expect(v.dims).toEqual(fx.files.ref_liver.shape);
    expect([...v.spacing]).toEqual(fx.spacing_used); // exact: float32 pixdim as double
    expect(v.datatype).toBe("uint8");
    expect(v.orientation).toBe("RAS");
    expect(v.affine[0]![0]).toBe(fx.spacing_used[0]);
    expect(v.affine[2]![2]).toBe(2.5);
    expect(v.scaling).toBeNull();
    let n = 0;
    for (const x of readNiftiMask(fixturePath("segmentation/ref_liver.nii.gz")).data) n += x;
    expect(n).toBe(fx.files.ref_liver.n_voxels); // exact count
  });

  it("DecompressionStream (browser path) and zlib (Node path) give the same volume", async () => {
    const bytes = readFileSync(fixturePath("segmentation/pred_shifted.nii.gz"));
    const viaStream = await readNiftiBytes(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.length), { source: "dropped.nii.gz" });
    const viaZlib = readNiftiFile(fixturePath("segmentation/pred_shifted.nii.gz"));
    expect(viaStream.dims).toEqual(viaZlib.dims);
    expect(viaStream.spacing).toEqual(viaZlib.spacing);
    expect(Buffer.from(niftiMask(viaStream).data).equals(Buffer.from(niftiMask(viaZlib).data))).toBe(true);
  });
});

describe("NIfTI data types and masks", () => {
  const values = [0, 1, 2, 0, 2, 2, 0, 1];
  const dims = [2, 2, 2];
  for (const datatype of [2, 4, 8, 256, 512, 768, 1024, 64]) {
    for (const littleEndian of [true, false]) {
      it(`datatype ${datatype}, ${littleEndian ? "little" : "big"}-endian: values, default mask ≠ 0, label 2`, () => {
        const v = parseNifti(niftiTestBytes({ dims, values, datatype, littleEndian, pixdim: [0.5, 0.7, 3] }));
        expect(Array.from(v.values)).toEqual(values);
        expect(v.spacing).toEqual([0.5, Math.fround(0.7), 3]);
        const expectedDefault = datatype === 64 ? values.map((x) => (x > 0.5 ? 1 : 0)) : values.map((x) => (x !== 0 ? 1 : 0));
        expect(Array.from(niftiMask(v).data)).toEqual(expectedDefault);
        expect(Array.from(niftiMask(v, { label: 2 }).data)).toEqual(values.map((x) => (x === 2 ? 1 : 0)));
      });
    }
  }

  it("float32 probability map: > 0.5", () => {
    const probs = [0.1, 0.5, 0.51, 0.9, 0, 1, 0.49, 0.75];
    const v = parseNifti(niftiTestBytes({ dims, values: probs, datatype: 16 }));
    expect(Array.from(niftiMask(v).data)).toEqual([0, 0, 1, 1, 0, 1, 0, 1]);
  });

  it("scl_slope / scl_inter are applied before the rule (uint8 × 1/200 → probabilities)", () => {
    const v = parseNifti(niftiTestBytes({ dims, values: [0, 100, 101, 200, 50, 150, 0, 0], slope: 0.005 }));
    expect(v.scaling).not.toBeNull();
    // 100·0.005 = 0.5 (not > 0.5); 101·0.005 > 0.5
    expect(Array.from(niftiMask(v).data)).toEqual([0, 0, 1, 1, 0, 1, 0, 0]);
  });

  it("4-D with a time dimension of 1 is 3-D; spacing in metres is converted to mm", () => {
    const v = parseNifti(niftiTestBytes({ dims: [2, 2, 2, 1], values, pixdim: [0.001, 0.001, 0.002], units: 1 }));
    expect(v.dims).toEqual([2, 2, 2]);
    expect(v.spacing[2]).toBeCloseTo(2, 5); // float32(0.002)·1000
  });
});

describe("bad NIfTI input", () => {
  const dims = [2, 2, 2];
  const values = [0, 1, 0, 1, 0, 1, 0, 1];
  it("a 4-D series", () => {
    const e = throws(() => parseNifti(niftiTestBytes({ dims: [2, 2, 1, 2], values }), { source: "series.nii" }));
    expect(e.code).toBe("NIFTI_NOT_3D");
    expect(e.message).toContain("series.nii");
  });
  it("a 2-D image", () => {
    expect(throws(() => parseNifti(niftiTestBytes({ dims: [4, 2], values }))).code).toBe("NIFTI_NOT_3D");
  });
  it("not NIfTI", () => {
    const e = throws(() => parseNifti(new TextEncoder().encode("case_id,reference\n".repeat(40)), { source: "pairs.csv" }));
    expect(e.code).toBe("NIFTI_INVALID");
    expect(e.message).toContain("pairs.csv");
  });
  it("a .hdr of an .hdr/.img pair", () => {
    const e = throws(() => parseNifti(niftiTestBytes({ dims, values, magic: "ni1" })));
    expect(e.code).toBe("NIFTI_INVALID");
    expect(e.message).toContain(".hdr/.img");
  });
  it("truncated voxel data", () => {
    const bytes = niftiTestBytes({ dims, values, datatype: 4 });
    const e = throws(() => parseNifti(bytes.subarray(0, bytes.length - 3), { source: "cut.nii" }));
    expect(e.code).toBe("NIFTI_INVALID");
    expect(e.message).toContain("truncated");
  });
  it("complex data type", () => {
    expect(throws(() => parseNifti(niftiTestBytes({ dims, values, datatype: 32 }))).code).toBe("NIFTI_DATATYPE");
  });
  it("zero spacing", () => {
    expect(throws(() => parseNifti(niftiTestBytes({ dims, values, pixdim: [1, 0, 1] }))).code).toBe("INVALID_ARGUMENT");
  });
  it("gzip given to parseNifti, and a damaged .nii.gz", async () => {
    const gz = gzipSync(niftiTestBytes({ dims, values }));
    expect(throws(() => parseNifti(gz)).code).toBe("NIFTI_INVALID");
    const broken = gz.subarray(0, gz.length - 12);
    expect((await rejects(readNiftiBytes(broken, { source: "broken.nii.gz" }))).code).toBe("NIFTI_INVALID");
    const dir = mkdtempSync(join(tmpdir(), "radval-nifti-"));
    writeFileSync(join(dir, "broken.nii.gz"), broken);
    const e = throws(() => readNiftiFile(join(dir, "broken.nii.gz")));
    expect(e.code).toBe("NIFTI_INVALID");
    expect(e.message).toContain("broken.nii.gz");
  });
  it("a missing file", () => {
    expect(throws(() => readNiftiFile("/nonexistent/mask.nii.gz")).code).toBe("FILE_NOT_FOUND");
  });
  it("a label that is not a number", () => {
    const v = parseNifti(niftiTestBytes({ dims, values }));
    expect(throws(() => niftiMask(v, { label: NaN })).code).toBe("INVALID_OPTION");
  });
});

import { readFileSync } from "node:fs";
import { gunzipSync } from "node:zlib";
import { RadvalError } from "../core/errors.js";
import type { BinaryMask } from "../segmentation/mask.js";
import { type NiftiMaskOptions, type NiftiVolume, isGzip, niftiMask, parseNifti } from "./niftiVolume.js";

/**
 * Reads a .nii or .nii.gz file (gzip by Node's zlib, header by
 * nifti-reader-js; see {@link parseNifti}). Missing or unreadable files and
 * bad content are RadvalErrors naming the file.
 */
export function readNiftiFile(path: string): NiftiVolume {
  let bytes: Uint8Array;
  try {
    bytes = readFileSync(path);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw new RadvalError(code === "ENOENT" ? "FILE_NOT_FOUND" : "FILE_UNREADABLE", code === "ENOENT" ? "file not found" : `cannot read the file (${(e as Error).message})`, {
      where: { file: path },
      hint: "Check the path (relative paths in a pairs CSV are relative to the CSV's folder).",
    });
  }
  if (isGzip(bytes)) {
    try {
      // One output chunk of the size the gzip trailer states (ISIZE, mod 2^32): no concatenation copy of a large volume.
      const isize = bytes.length >= 18 ? new DataView(bytes.buffer, bytes.byteOffset + bytes.length - 4, 4).getUint32(0, true) : 0;
      bytes = isize > 0 ? gunzipSync(bytes, { chunkSize: Math.max(64 * 1024, isize + 1024) }) : gunzipSync(bytes);
    } catch (e) {
      throw new RadvalError("NIFTI_INVALID", `cannot decompress the gzip data (${(e as Error).message})`, { where: { file: path }, hint: "The .nii.gz file is damaged or truncated: export it again." });
    }
  }
  return parseNifti(bytes, { source: path });
}

/** The binary mask of a .nii / .nii.gz file (label or default rule of {@link niftiMask}). */
export function readNiftiMask(path: string, options: NiftiMaskOptions = {}): BinaryMask {
  // The volume is ours and dropped here: a uint8 image becomes the mask in place (no second buffer of the grid's size).
  return niftiMask(readNiftiFile(path), { ...options, inPlace: true });
}

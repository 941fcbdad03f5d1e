import { RadvalError } from "../core/errors.js";
import type { BinaryMask } from "./mask.js";

/** Default tolerance of {@link checkSameGrid}: |a − b| ≤ 1e-4 · max(1, |a|, |b|) per spacing / affine entry. */
export const GRID_TOLERANCE = 1e-4;

const name = (m: BinaryMask, fallback: string) => m.source ?? fallback;

/**
 * Throws a RadvalError (code GRID_MISMATCH) naming both files and the
 * difference unless the two masks lie on the same voxel grid: identical
 * dimensions, and spacing and every entry of the voxel-to-world affine (when
 * both have one) equal within `tolerance` relative to max(1, |value|).
 * Masks are compared voxel by voxel, so nothing is resampled. O(1).
 */
export function checkSameGrid(reference: BinaryMask, prediction: BinaryMask, tolerance = GRID_TOLERANCE): void {
  const ra = name(reference, "the reference mask");
  const pa = name(prediction, "the predicted mask");
  const fail = (what: string) =>
    new RadvalError("GRID_MISMATCH", `${ra} and ${pa} are not on the same voxel grid: ${what}`, {
      where: { file: `${ra} vs ${pa}` },
      hint: "Resample the prediction onto the reference grid (e.g. nibabel.processing.resample_from_to or SimpleITK Resample with nearest-neighbour interpolation) before comparing.",
    });
  const [rd, pd] = [reference.dims, prediction.dims];
  if (rd[0] !== pd[0] || rd[1] !== pd[1] || rd[2] !== pd[2]) throw fail(`dimensions ${rd.join(" × ")} vs ${pd.join(" × ")}`);
  const close = (x: number, y: number) => Math.abs(x - y) <= tolerance * Math.max(1, Math.abs(x), Math.abs(y));
  for (let d = 0; d < 3; d++) {
    if (!close(reference.spacing[d]!, prediction.spacing[d]!)) {
      throw fail(`voxel spacing ${reference.spacing.join(" × ")} mm vs ${prediction.spacing.join(" × ")} mm`);
    }
  }
  const [A, B] = [reference.affine, prediction.affine];
  if (!A || !B) return;
  for (let r = 0; r < 3; r++) {
    for (let c = 0; c < 4; c++) {
      const x = A[r]![c]!;
      const y = B[r]![c]!;
      if (!close(x, y)) {
        throw fail(`affine entry [${r}][${c}] (${c === 3 ? "origin" : "orientation × spacing"}) ${x} vs ${y} (difference ${Math.abs(x - y).toPrecision(3)}, tolerance ${tolerance} relative)`);
      }
    }
  }
}

import { type NiftiMaskOptions, niftiMasksFromBytes } from "../io/niftiVolume.js";
import { type SegmentationMetrics, type SegmentationMetricsOptions, segmentationMetrics } from "./metrics.js";

/**
 * Segmentation agreement of two NIfTI files given as bytes (.nii or .nii.gz,
 * e.g. two files dropped on a web page): gzip undone by the platform's
 * DecompressionStream, masks by {@link niftiMask} (`label` or the default
 * rule), metrics by {@link segmentationMetrics}. Isomorphic.
 */
export async function compareNiftiBytes(
  reference: ArrayBuffer | Uint8Array,
  prediction: ArrayBuffer | Uint8Array,
  options: NiftiMaskOptions & Pick<SegmentationMetricsOptions, "tolerance"> & { referenceName?: string; predictionName?: string } = {},
): Promise<SegmentationMetrics> {
  const [a, b] = await niftiMasksFromBytes(reference, prediction, options);
  return segmentationMetrics(a, b, options.tolerance === undefined ? {} : { tolerance: options.tolerance });
}

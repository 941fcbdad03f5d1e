/**
 * radval — public, isomorphic API (Node and browser alike). Node-only file
 * reading lives in `radval/node`.
 * @packageDocumentation
 */
export { RADVAL_VERSION } from "./version.js";
export { RadvalError, isRadvalError, describeLocation } from "./core/errors.js";
export type { ErrorLocation, RadvalErrorCode, RadvalWarning } from "./core/errors.js";
export { Rng, createRng } from "./core/rng.js";
export type { Seed } from "./core/rng.js";
export {
  columnMatrix,
  matrixFromRows,
  matrixFromColumns,
  getColumn,
  getValue,
  getRow,
  gatherRows,
  gatherColumns,
  gatherVector,
  allRows,
} from "./core/matrix.js";
export type { ColumnMatrix } from "./core/matrix.js";
export { nRows, nFeatures, featureColumn, featureIndex, requireOutcome, rowSubset, subsetValue } from "./core/dataset.js";
export type { Dataset, BinaryOutcome, CategoricalRole, DateRole, NumericRole, TextColumn, RowSubset } from "./core/dataset.js";
export { describeDataset } from "./core/describe.js";
export type { DatasetSummary, NearConstantFeature, DescribeOptions } from "./core/describe.js";
export { parseCsvText, detectDelimiter } from "./table/parseCsv.js";
export type { RawTable, ParseCsvOptions } from "./table/parseCsv.js";
export { tableToDataset, DEFAULT_ID_COLUMNS } from "./table/toDataset.js";
export type { RoleSpec } from "./table/toDataset.js";
export { tableToLong } from "./table/longTable.js";
export type { LongTable, LongTableOptions } from "./table/longTable.js";
export { classifyCell, parseIsoDateDays } from "./table/cells.js";
export { EXAMPLES, EXAMPLE_NAMES } from "./examples/catalog.js";
export type { ExampleInfo, WideExample, LongExample } from "./examples/catalog.js";
export type { ModelSpec, ModelEngine, FittedModel, FitOptions, ModelDescription, SerializedModel, ParamValue } from "./models/types.js";
export type { FeatureFrame, StepSpec, StepFitContext, StepLog, FittedStep } from "./preprocess/types.js";
export { aucMannWhitney } from "./metrics/auc.js";
export type { Direction } from "./metrics/auc.js";
export * from "./resample/index.js";
// Reliability (ICC, CCC) and redundancy reduction (correlation clustering)
export { iccTable, iccMatrix } from "./reliability/icc.js";
export type { IccResult, IccFeatureResult, IccOptions } from "./reliability/icc.js";
export { iccFormsFromMeanSquares, iccDegreesOfFreedom, memoFQuantile } from "./reliability/iccIntervals.js";
export type { IccForm, FQuantileFn } from "./reliability/iccIntervals.js";
export { ICC_FORMS, ICC_FORM_INFO, parseIccForm } from "./reliability/iccForms.js";
export type { IccFormName, IccFormInfo } from "./reliability/iccForms.js";
export { twoWayMeanSquares, meanSquaresWorkspace } from "./reliability/meanSquares.js";
export type { MeanSquares, MeanSquaresWorkspace } from "./reliability/meanSquares.js";
export { checkRaterDesign } from "./reliability/design.js";
export type { RaterDesign, RaterDesignOptions } from "./reliability/design.js";
export { concordanceCorrelation, cccTable } from "./reliability/ccc.js";
export type { CccResult, CccFeatureResult } from "./reliability/ccc.js";
export { reliabilityBand } from "./reliability/bands.js";
export type { ReliabilityBand } from "./reliability/bands.js";
export { fQuantile, fUpperTail, normalQuantile } from "./reliability/distributions.js";
export { correlationMatrix, standardizeColumns, absCorrelationDistance } from "./cluster/correlation.js";
export type { CorrelationMethod, CorrelationResult } from "./cluster/correlation.js";
export { condensedIndex, condensedGet, condensedLength } from "./cluster/condensed.js";
export type { Condensed } from "./cluster/condensed.js";
export { averageRanks } from "./cluster/ranks.js";
export { hclust, dendrogramOrder, LINKAGES } from "./cluster/hclust.js";
export type { HClustTree, Linkage } from "./cluster/hclust.js";
export { cutreeHeight, cutreeSteps } from "./cluster/cutree.js";
export { chooseRepresentative, coefficientOfVariation, REPRESENTATIVE_RULES } from "./cluster/representative.js";
export type { RepresentativeRule, RepresentativeChoice } from "./cluster/representative.js";
export { clusterFeatures, resolveClusteringOptions } from "./cluster/featureClusters.js";
export type { FeatureClustering, FeatureClusteringOptions, FeatureCluster, MergeStep } from "./cluster/featureClusters.js";
export { reliabilityFilterStep, fitReliabilityFilter } from "./preprocess/reliabilityFilter.js";
export type {
  ReliabilityFilterSpec,
  ReliabilityFilterOptions,
  ReliabilityStatistic,
  ReliabilityValue,
  ReliabilityDecision,
  FittedReliabilityFilter,
  UnmeasuredPolicy,
} from "./preprocess/reliabilityFilter.js";
export { redundancyStep, fitRedundancy } from "./preprocess/redundancy.js";
export type { RedundancySpec, FittedRedundancy } from "./preprocess/redundancy.js";
// Bundled examples from CSV text (the isomorphic half of radval/node's loadExample; browsers get the text from radval/browser/examples)
export { exampleInfo, parseExample, parseLongExample } from "./examples/parse.js";

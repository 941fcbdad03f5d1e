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
export { ENGINES, listEngines, engineFor, defaultEngine, prepareEngines, fitModel, fitModelAsync, restoreModel } from "./models/registry.js";
export type { EngineInfo } from "./models/registry.js";
export { makeSpec, setEngine, resolveParams, numberParam, enumParam, booleanParam, eitherParam, classWeightParam, defaultsOf } from "./models/params.js";
export type { ParamRule, ParamRules } from "./models/params.js";
export { resolveClassWeights, observationWeights } from "./models/classWeights.js";
export { checkFitInput, checkPredictInput } from "./models/validate.js";
export { encodeArray, decodeFloat64, decodeInt32, serializeFit, checkSerialized } from "./models/serialize.js";
export type { EncodedArray } from "./models/serialize.js";
export { MODEL_ALIASES, modelAlias, specFromAlias } from "./models/aliases.js";
export type { ModelAlias } from "./models/aliases.js";
export { crossValidateModels } from "./models/crossValidate.js";
export type { CvEntry, CvFoldResult, CvModelResult, CrossValidateOptions } from "./models/crossValidate.js";
export { permutationImportance } from "./models/importance.js";
export type { PermutationImportance } from "./models/importance.js";
export { svm, SVM_PARAMS } from "./models/svm/spec.js";
export type { SvmParams } from "./models/svm/spec.js";
export { libsvmEngine, trainLibsvm } from "./models/svm/libsvmEngine.js";
export { mlSvmEngine } from "./models/svm/mlSvmEngine.js";
export { loadLibsvm, isLibsvmLoaded } from "./models/svm/libsvmLoader.js";
export type { LibsvmBuild, LoadLibsvmOptions, LibsvmClass } from "./models/svm/libsvmLoader.js";
export { parseLibsvmModel } from "./models/svm/libsvmModelText.js";
export type { LibsvmModelText } from "./models/svm/libsvmModelText.js";
export { decisionValues, linearWeights, libsvmRho } from "./models/svm/decision.js";
export type { KernelExpansion } from "./models/svm/decision.js";
export { kernelValue, resolveGamma } from "./models/svm/kernel.js";
export type { KernelSpec, KernelKind } from "./models/svm/kernel.js";
export { randomForest, RANDOM_FOREST_PARAMS } from "./models/forest/spec.js";
export type { RandomForestParams } from "./models/forest/spec.js";
export { forestEngine, forestPredict } from "./models/forest/forestEngine.js";
export type { FittedForest, ForestNodes } from "./models/forest/forestEngine.js";
export { mlRandomForestEngine } from "./models/forest/mlRandomForestEngine.js";
export { fitPlatt, plattProbability } from "./models/calibration/platt.js";
export type { PlattCalibrator, PlattOptions } from "./models/calibration/platt.js";
export { fitIsotonic } from "./models/calibration/isotonic.js";
export type { IsotonicCalibrator } from "./models/calibration/isotonic.js";
export { calibrateModel, calibrationScore } from "./models/calibration/calibrate.js";
export type { CalibrationMethod } from "./models/calibration/calibrate.js";
export { standardize, fitStandardize } from "./preprocess/scale.js";
export type { StandardizeSpec, FittedStandardize } from "./preprocess/scale.js";
export type { FeatureFrame, StepSpec, StepFitContext, StepLog, FittedStep } from "./preprocess/types.js";
export { aucMannWhitney } from "./metrics/auc.js";
export type { Direction } from "./metrics/auc.js";
export * from "./resample/index.js";

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
export { radvalSvmEngine, trainRadvalSvm } from "./models/svm/radval/engine.js";
export type { RadvalSvmOptions, RadvalSvmTrainResult } from "./models/svm/radval/engine.js";
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
// Multi-class forest and one-vs-one SVM (issue 18): standalone classifiers, wrapped by the model registry.
export { fitForestClassifier, restoreForestClassifier, FOREST_CLASSIFIER_PARAMS } from "./models/forest/multiclassForest.js";
export type { ForestClassifier, ForestClassifierJSON, ForestClassifierOptions, ForestClassifierParams } from "./models/forest/multiclassForest.js";
export { fitSvmClassifier, restoreSvmClassifier, SVM_CLASSIFIER_PARAMS } from "./models/svm/multiclass.js";
export type { SvmClassifier, SvmClassifierJSON, SvmClassifierOptions, SvmClassifierParams, SvmPair } from "./models/svm/multiclass.js";
export { pairwiseCoupling } from "./models/svm/pairwiseCoupling.js";
export { checkClassCodes, resolveMulticlassWeights } from "./models/multiclass.js";
export { fitPlatt, plattProbability } from "./models/calibration/platt.js";
export type { PlattCalibrator, PlattOptions } from "./models/calibration/platt.js";
export { fitIsotonic } from "./models/calibration/isotonic.js";
export type { IsotonicCalibrator } from "./models/calibration/isotonic.js";
export { calibrateModel, calibrationScore } from "./models/calibration/calibrate.js";
export type { CalibrationMethod } from "./models/calibration/calibrate.js";
export { standardize, fitStandardize } from "./preprocess/scale.js";
export type { StandardizeSpec, FittedStandardize } from "./preprocess/scale.js";
export type { FeatureFrame, StepSpec, StepFitContext, StepLog, FittedStep } from "./preprocess/types.js";
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
export { fQuantile, fUpperTail } from "./reliability/distributions.js";
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
export { impute, fitImpute } from "./preprocess/impute.js";
export type { ImputeSpec } from "./preprocess/impute.js";
export { fitRecipe } from "./preprocess/recipe.js";
export type { FittedRecipe } from "./preprocess/recipe.js";
export { customStep } from "./preprocess/registry.js";
export type { CustomStepSpec } from "./preprocess/registry.js";
// Validation engine: workflows, resampling, optimism bootstrap, leave-one-site-out, updating, the study runner.
export * from "./validate/index.js";
// Reports (TRIPOD+AI): results contract, report model, checks, Vega-Lite specs, renderers.
// vega / vega-lite are loaded only by renderSvg, with a dynamic import (see src/report/render/svg.ts).
export * from "./report/index.js";
// Distributions and small statistics helpers.
export { normalCdf, normalUpperTail, normalCdfBoth, normalQuantile, normalTwoSidedP } from "./stats/normal.js";
export { chiSquareCdf, chiSquareUpperTail } from "./stats/chiSquare.js";
export { studentTCdf, studentTCdfBoth, studentTTwoSidedP, studentTQuantile } from "./stats/studentT.js";
export { betaCdf, betaQuantile, regularizedBeta, logBeta } from "./stats/beta.js";
export { logGamma, regularizedGamma } from "./stats/gamma.js";
export { wilsonCi, clopperPearsonCi, proportionCi } from "./stats/binomialCi.js";
export type { ProportionCi, ProportionCiMethod } from "./stats/binomialCi.js";
export { quantileSorted, quantiles } from "./stats/quantile.js";
export { argsortFloat64, sortedRuns, sortFloat64 } from "./stats/argsort.js";
export type { SortedRuns } from "./stats/argsort.js";
// Performance metrics.
export { aucMannWhitney, twiceMannWhitneyU, AUC_INFO } from "./metrics/auc.js";
export type { Direction, ClassCounts, InputContext } from "./metrics/inputs.js";
export { checkBinaryScores, checkProbabilities } from "./metrics/inputs.js";
export { defineMetric, metricInfo } from "./metrics/metricInfo.js";
export type { MetricInfo, ScalarMetric } from "./metrics/metricInfo.js";
export { METRICS } from "./metrics/registry.js";
export { thresholdCounts, confusionAt } from "./metrics/thresholds.js";
export type { ThresholdCounts, ConfusionCounts } from "./metrics/thresholds.js";
export { rocCurve, rocFromCounts } from "./metrics/roc.js";
export type { RocCurve } from "./metrics/roc.js";
export { delongAuc, delongPlacements, delongPairedTest, delongUnpairedTest } from "./metrics/delong.js";
export type { DelongAuc, DelongPlacements, DelongPairedTest, DelongUnpairedTest, DelongOptions } from "./metrics/delong.js";
export { bootstrapStatistic, bootstrapCi, bootstrapVector, bootstrapResamples } from "./metrics/bootstrap.js";
export type { BootstrapOptions, BootstrapCi, ComponentCi, RowStatistic } from "./metrics/bootstrap.js";
export { multiclassAuc, multiclassMarkerAuc } from "./metrics/multiclassAuc.js";
export type { MulticlassAuc, ClassAuc, PairAuc } from "./metrics/multiclassAuc.js";
export { youden, youdenFromRoc, thresholdMetrics, transportThreshold } from "./metrics/thresholdMetrics.js";
export type { YoudenResult, RocPoint, ThresholdMetrics, ThresholdMetricOptions, ProportionEstimate, TransportedThreshold } from "./metrics/thresholdMetrics.js";
export { valProb, lowessCalibrationErrors } from "./metrics/calibration/valProb.js";
export type { ValProb, ValProbOptions, ExtremeProbabilities } from "./metrics/calibration/valProb.js";
export { hosmerLemeshow } from "./metrics/calibration/hosmerLemeshow.js";
export type { HosmerLemeshow, HosmerLemeshowGroup, HosmerLemeshowOptions } from "./metrics/calibration/hosmerLemeshow.js";
export { lowess, lowessAt } from "./metrics/calibration/lowess.js";
export type { LowessFit, LowessOptions } from "./metrics/calibration/lowess.js";
export { loess } from "./metrics/calibration/loess.js";
export type { LoessFit, LoessOptions } from "./metrics/calibration/loess.js";
export { logisticRecalibration, calibrationInTheLarge } from "./metrics/calibration/logistic.js";
export type { LogisticFit, InterceptFit } from "./metrics/calibration/logistic.js";
export { brierScore, scaledBrier, eoRatio, calibrationSlopeIntercept, calibrationSummary } from "./metrics/calibration/summary.js";
export type { CalibrationSlopeIntercept, CalibrationSummary } from "./metrics/calibration/summary.js";
export { calibrationCurve, integratedCalibrationIndex } from "./metrics/calibration/curve.js";
export type { CalibrationCurve, CalibrationCurveOptions, CalibrationBin, CalibrationErrors } from "./metrics/calibration/curve.js";
export { decisionCurve, decisionCurves, decisionCurveFromCounts, netBenefitDifference, defaultThresholds, parseThresholdGrid } from "./metrics/decisionCurve.js";
export type { DecisionCurve, DecisionCurvePoint, DecisionCurveOptions, NetBenefitDifference } from "./metrics/decisionCurve.js";
export { nriContinuous, nriCategorical, idi, reclassification, riskCategory } from "./metrics/reclassification.js";
export type { Nri, NriClass, Idi, Reclassification, ReclassificationOptions } from "./metrics/reclassification.js";
// Bundled examples from CSV text (the isomorphic half of radval/node's loadExample; browsers get the text from radval/browser/examples)
export { exampleInfo, parseExample, parseLongExample } from "./examples/parse.js";
export * from "./models/elasticnet/index.js";
export * from "./models/logistic/index.js";
export { normalizeClassWeight, linearObservationWeights } from "./models/linearModel.js";
export type { ClassWeightInput, ClassWeightParam } from "./models/linearModel.js";
// Recipe steps and mechanics beyond the ones exported above.
export { univariateFilter, fitUnivariateFilter } from "./preprocess/univariateFilter.js";
export { fitStep, stepTypes, isCustomStep } from "./preprocess/registry.js";
export { frameOfRows, outcomeOfRows, selectByName } from "./preprocess/frame.js";
export { appendRows } from "./core/appendRows.js";
// Incremental value of a new model over a comparator, and nomograms (rms::nomogram).
export { brierDifference, type BrierDifference } from "./metrics/reclassificationBrier.js";
export { nestedLikelihoodRatioTest, type NestedLikelihoodRatioTest, type NestedModelFit } from "./metrics/reclassificationLrt.js";
export { netBenefitChange, type NetBenefitChange } from "./metrics/reclassificationNetBenefit.js";
export { nomogram, logisticNomogram, coxNomogram, baselineSurvivalAt, nomogramAxisValues, rPretty, nomogramPointsTable, formulaNomogram, nomogramBasisOf } from "./nomogram/index.js";
export type { Nomogram, NomogramInput, NomogramTerm, LinearNomogramTerm, FactorNomogramTerm, NomogramFunction, NomogramPredictorAxis, NomogramFunctionAxis, PointsTableRow, LinearFormula, FormulaNomogramOptions, NomogramBasis } from "./nomogram/index.js";
export { nomogramChart } from "./report/charts/nomogram.js";
export { nomogramTable } from "./report/charts/nomogramTable.js";
// Ordinal and multi-class outcomes (issue 18): proportional odds, per-cut-off AUCs, Obuchowski, kappa; multinomial glmnet.
export * from "./ordinal/index.js";
export { multinomialElasticNetPath, checkMultinomialOutcome } from "./models/elasticnet/multinomialPath.js";
export type { MultinomialElasticNetPath, MultinomialElasticNetOptions } from "./models/elasticnet/multinomialPath.js";
export { elasticCentre } from "./models/elasticnet/multinomialSolver.js";
export { multinomialCoef, multinomialPredict } from "./models/elasticnet/multinomialPredict.js";
export type { MultinomialCoefficients } from "./models/elasticnet/multinomialPredict.js";
export { cvMultinomialElasticNet, cvMultinomialElasticNetMeasures, stratifiedClassFolds, MULTINOMIAL_CV_MEASURE_NAMES } from "./models/elasticnet/multinomialCv.js";
export type { CvMultinomialOptions, CvMultinomialResult, MultinomialCvMeasure } from "./models/elasticnet/multinomialCv.js";
export { combat, fitCombat, applyCombat } from "./harmonize/combat.js";
export type { CombatFit, CombatOptions, ApplyCombatOptions, UnseenBatchPolicy, SelfEstimate } from "./harmonize/combat.js";
export type { CombatCovariate, CovariateTerm } from "./harmonize/design.js";
export { combatStep, fitCombatStep } from "./harmonize/combatStep.js";
export type { CombatStepSpec, CombatCovariateSpec, FittedCombatStep } from "./harmonize/combatStep.js";
export { kruskalWallis, pcaScores, siteDiagnostics } from "./harmonize/diagnostics.js";
export type { KruskalWallis, PcaScores, SiteDiagnostics, SiteDistribution } from "./harmonize/diagnostics.js";
export { harmonizationResult } from "./harmonize/results.js";
export type { HarmonizationResult, HarmonizationStage } from "./harmonize/results.js";
export { harmonizationPcaChart, harmonizationSeparationChart, harmonizationDistributionChart } from "./report/charts/harmonization.js";
export { rowContext } from "./preprocess/frame.js";
export type { RowContext } from "./preprocess/types.js";
// Segmentation agreement (masks → Dice, HD95, surface Dice, volumes; NIfTI from ArrayBuffers).
export { segmentationMetrics } from "./segmentation/metrics.js";
export type { SegmentationMetrics, SegmentationMetricsOptions, DirectedDistances } from "./segmentation/metrics.js";
export { binaryMask, unionBox, checkGrid } from "./segmentation/mask.js";
export type { BinaryMask, Dims3, Spacing3, VoxelBox } from "./segmentation/mask.js";
export { checkSameGrid, GRID_TOLERANCE } from "./segmentation/sameGrid.js";
export { maskExtent, surfaceVoxels } from "./segmentation/surface.js";
export { surfaceDistances } from "./segmentation/surfaceDistances.js";
export { squaredDistanceTransform, transformLine, edtWorkspace } from "./segmentation/edt.js";
export type { EdtWorkspace } from "./segmentation/edt.js";
export { percentileLinear } from "./segmentation/percentile.js";
export { blandAltman } from "./segmentation/blandAltman.js";
export type { BlandAltman } from "./segmentation/blandAltman.js";
export { summarizeSegmentation, summarizeMetric, SUMMARY_METRICS } from "./segmentation/summary.js";
export type { SegmentationCase, ReaderPairCase, MetricSummary, ReaderSummary, ReaderAgreement, SegmentationSummary, SegmentationSummaryOptions, SummaryMetric } from "./segmentation/summary.js";
export { diceDistributionChart, blandAltmanChart } from "./segmentation/charts.js";
export { renderSegmentationHtml } from "./segmentation/report.js";
export type { SegmentationReportInfo } from "./segmentation/report.js";
export { parseNifti, readNiftiBytes, niftiMask, niftiMasksFromBytes, gunzipStream, isGzip } from "./io/niftiVolume.js";
export type { NiftiVolume, NiftiValues, NiftiMaskOptions } from "./io/niftiVolume.js";
export { compareNiftiBytes } from "./segmentation/compareBytes.js";
// Time-to-event outcomes (survival): Kaplan–Meier, log-rank, Cox, concordance, IPCW horizon metrics, Cox elastic net.
export { checkSurvival, checkHorizon } from "./survival/validate.js";
export type { SurvivalData } from "./survival/validate.js";
export { kaplanMeier, survivalAt, kmQuantile, medianFollowUp } from "./survival/kaplanMeier.js";
export type { KaplanMeier } from "./survival/kaplanMeier.js";
export { logRankTest } from "./survival/logRank.js";
export type { LogRankResult } from "./survival/logRank.js";
export { coxph, coxLinearPredictor, coxPredictSurvival, cumhazAt } from "./survival/coxph.js";
export type { CoxphFit, CoxphOptions, CoxTies } from "./survival/coxph.js";
export { coxZph } from "./survival/coxZph.js";
export type { CoxZphResult } from "./survival/coxZph.js";
export { concordance } from "./survival/concordance.js";
export type { ConcordanceResult, ConcordanceTimeWeight } from "./survival/concordance.js";
export { censoringModel } from "./survival/ipcw.js";
export type { CensoringModel } from "./survival/ipcw.js";
export { timeDependentAuc, survivalBrierScore, nullSurvivalBrierScore, integratedBrierScore } from "./survival/timeDependent.js";
export type { EstimateWithCi, HorizonOptions } from "./survival/timeDependent.js";
export { survivalCalibration } from "./survival/calibration.js";
export type { SurvivalCalibration, SurvivalCalibrationGroup } from "./survival/calibration.js";
export { survivalDecisionCurve } from "./survival/decisionCurve.js";
export type { SurvivalNetBenefit } from "./survival/decisionCurve.js";
export { riskGroupSurvival, quantileType7 } from "./survival/riskGroups.js";
export type { RiskGroupSurvival } from "./survival/riskGroups.js";
export * from "./models/coxnet/index.js";

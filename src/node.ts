/**
 * radval for Node: everything in the isomorphic API plus file reading and the
 * bundled examples.
 * @packageDocumentation
 */
export * from "./index.js";
export { readTextFile } from "./io/readText.js";
export { readRawTable, readFeatureTable, readLongTable } from "./io/readTable.js";
export { loadExample, loadLongExample, examplePath, examplesDirectory, exampleInfo } from "./io/examples.js";
export { runCli } from "./cli/run.js";
// Shadows the isomorphic loadLibsvm: same cache, quiet WebAssembly load in Node.
export { loadLibsvm } from "./io/libsvmNode.js";
export { memoryIo, processIo } from "./cli/io.js";
export type { CliIo } from "./cli/io.js";
export { readResultsFile } from "./io/readResults.js";
export { writeReport, REPORT_FORMATS } from "./io/writeReport.js";
export type { ReportFormat, WriteReportOptions } from "./io/writeReport.js";
export { loadVegaScripts } from "./io/vegaAssets.js";
// Study configs from files and the worker-thread executor.
export { loadStudy, readStudyConfig } from "./io/readStudy.js";
export type { LoadedStudy } from "./io/readStudy.js";
export { prepareEnginesNode } from "./io/prepareEngines.js";
export { workerPoolExecutor, defaultWorkers } from "./validate/pool.js";
// Sharded runs (radval run --shard, radval merge): the executors, the shard-file checks and their files.
export { recordingShardExecutor } from "./validate/shard/recording.js";
export type { ShardRecorder } from "./validate/shard/recording.js";
export { replayExecutor } from "./validate/shard/replay.js";
export type { ReplayExecutor } from "./validate/shard/replay.js";
export { checkShardSet, checkShardFile, shardFileName, SHARD_FORMAT, SHARD_FILE_VERSION } from "./validate/shard/format.js";
export type { ShardFile, ShardIndex, ShardRecord, LoadedShard } from "./validate/shard/format.js";
export { encodeValue, decodeValue, stringTable } from "./validate/shard/codec.js";
export { countingExecutor, suggestShards } from "./validate/shard/plan.js";
export { writeShardFile, readShardFile, readShardInputs } from "./io/shardFiles.js";
export { readNiftiFile, readNiftiMask } from "./io/niftiFile.js";
export { readSegmentationPairs, compareSegmentationPairs } from "./io/niftiPairs.js";
export type { SegmentationPairRow, CompareSegmentationPairsOptions } from "./io/niftiPairs.js";

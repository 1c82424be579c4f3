// The weights part's browser-safe API (no Node modules): for the app and its worker.
// Node code (CLI, tests, benches) imports ./index.ts, which re-exports all of this.
export type { NamedWeights, WeightTensor } from './types.ts';
export { bytesSource, blobSource, type ByteSource } from './bytesource.ts';
export { readSafetensors, type ReadSafetensorsOptions, type ReadSafetensorsResult } from './read.ts';
export { readSafetensorsHeader, MAX_HEADER_BYTES, type SafetensorsHeader, type TensorEntry } from './safetensors-header.ts';
export { selectCanonicalKeys, type KeySelection } from './keys.ts';
export { layoutKind, tfjsShape, torchShape, toTfjsLayout, toTorchLayout, NULL_EMBEDDING_KEY } from './layout.ts';
export { checkWeightsAgainstConfig, checkShapesAgainstConfig, compareShapesWithConfig, impliedConfig, type ConfigComparison } from './check.ts';
export { convertToModelFiles, writeModelFiles, modelConfigJson, type ConvertOptions, type ConvertResult } from './convert.ts';
export { CONFIG_JSON, MODEL_JSON, DEFAULT_SHARD_BYTES, checkModelJson, type ModelJson } from './manifest.ts';
export type { ShardSink } from './manifest-writer.ts';
export { loadModelFiles, loadModelConfig, type LoadedModel, type ModelFiles } from './model-files.ts';
export { urlModelFiles, droppedModelFiles } from './model-files-browser.ts';
export { encodeSafetensors, encodeSafetensorsF32, encodeSafetensorsHeader } from './safetensors-write.ts';
export { exportSafetensors, type ExportOptions } from './export.ts';

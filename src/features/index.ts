// Public surface of features (browser-safe): clip -> normalised log-mel -> windows -> seeded
// noise at sigma -> U-Net taps, pooled or full, cached by content; the model resolver; the
// recognition pipeline. Node-only pieces: ./node.ts (disk cache, model folders). Design: README.md.
export { FEATURES_VERSION, MemoryFeatureCache, NO_CACHE, featureKey, type CachedFeatures, type FeatureCache, type FeatureKeyParts } from './cache.ts';
export { IdbFeatureCache } from './cache-idb.ts';
export { FeatureExtractor, type ClipFeatures, type ClipInput, type ExtractOptions, type ExtractStats, type FeatureRequest } from './extract.ts';
export { extractLabelledFeatures, type LabelledClip } from './dataset.ts';
export { tapFeatureShape } from './forward-batch.ts';
export { hashFloat32, hashJson, hashWeights, sha256Hex, stableJson } from './hash.ts';
export { DEFAULT_MEL_NORMALISATION, normaliseLogMel, readMelNormalisation, type MelNormalisation } from './mel-norm.ts';
export {
  CONTROL_SEED, NAMED_CONFIGS, RANDOM_INIT, TINY_CONFIG, controlFor, modelFromOpened, randomInitModel, resolveModel,
  type ModelOpener, type ModelSource, type OpenedModel,
} from './model-source.ts';
export { windowNoise } from './noise.ts';
export { DEFAULT_WINDOW, FRAME_SECONDS, clipWindows, spanSeconds, windowSlice, type WindowSpec } from './windows.ts';

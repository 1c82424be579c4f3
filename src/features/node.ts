// Node-only pieces of features: the on-disk cache and model folders (never import from browser code).
export { DEFAULT_FEATURE_CACHE_DIR, DiskFeatureCache } from './cache-node.ts';
export { MODELS_DIR, modelDirOf, openModelDirNode, resolveModelNode } from './model-source-node.ts';

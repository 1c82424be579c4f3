// Public surface of store (browser): the IndexedDB stores (corpora, user models, uploads, training
// runs) on a quota-safe key-value store, and the loaders and importers that fill them.
export { MemoryStore, idbStore } from './kv.ts';
export type { KeyValueStore } from './kv.ts';
export { isQuotaError, quotaError, storageUse } from './quota.ts';
export { browserCorpusStore, builtinCorpusId } from './corpus-store.ts';
export type { CorpusListing } from './corpus-store.ts';
export { renderBuiltinCorpus } from './render-builtin.ts';
export { loadBankFromUrl } from './banks.ts';
export { loadSampleBankFromUrl } from './sample-bank.ts';
export { importIrmasFiles, importOpenPirFiles, pickedFiles, walkDroppedItems } from './import-files.ts';
export type { PickedFile } from './import-files.ts';
export { browserModelStore } from './model-store.ts';
export type { UserModelInfo } from './model-store.ts';
export { importModelFiles } from './import-model.ts';
export { browserUploadStore } from './upload-store.ts';
export { TrainRunStore, browserTrainRuns } from './train-runs.ts';
export type { TrainRunInfo } from './train-runs.ts';
export { melThumbnail } from './thumbnail.ts';

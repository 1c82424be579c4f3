// Public surface of the corpus for Node (CLI, tests, scripts): everything in ./browser.ts plus
// rendering a preset to a folder, loading manifests, importing IRMAS / OpenPIR folders and
// reading a clip's 16 kHz samples. Browser code imports ./browser.ts instead (no fs there).
export * from './browser.ts';
export { renderCorpus, DEFAULT_SEED, type RenderCorpusOptions } from './corpus-node.ts';
export { loadManifest, saveManifest, manifestPath, clipPath, readClipSamples, MANIFEST_NAME } from './manifest-node.ts';
export { importIrmas, importOpenPir } from './import-node.ts';
export { loadBankNode, bankPath, sf3PackageDir } from './bank-node.ts';

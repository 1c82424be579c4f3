// Browser-safe public surface of the corpus (no Node APIs): plan, arrange and render clips in a
// worker from bank bytes fetched from the app's own origin, store them through a CorpusSink,
// and read manifests. Node callers use ./index.ts, which adds the file-system helpers.
export { IRMAS_CLASSES, CLASS_NAMES, isIrmasClass, toIrmasClass, classIndex, type IrmasClass } from './classes.ts';
export {
  CORPUS_SAMPLE_RATE, CORPUS_VERSION, SPLITS,
  type BankName, type ClipRecord, type CorpusManifest, type CorpusSource, type PartRecord, type PartRole, type SkippedRecord, type Split,
} from './types.ts';
export { BANKS, TRAIN_BANKS, TEST_BANKS, banksForSplit, loadBank, type BankInfo, type LoadedBank } from './bank.ts';
export { PRESETS, TEST_LABEL_SHARES, getPreset, planCorpus, arrangeSpec, summarisePlan, type Preset, type PresetName, type PlanSummary } from './plan.ts';
export type { ClipSpec } from './arrange-clip.ts';
export type { ClipPlan, PartPlan } from './arrange-types.ts';
export { renderClip, SYNTH_RATE, type RenderedClip, type RenderedPart, type RenderOptions } from './render.ts';
export { applyCodec, planCodec, CODEC_SHARE, type CodecName, type CodecPlan, type CodecRecord } from './render-codec.ts';
export {
  renderCorpusCore, localRenderer, clipFile,
  type ClipRenderer, type CorpusSink, type RenderCorpusCoreOptions, type RenderCorpusResult, type WavEncoding,
} from './corpus-render.ts';
export { makeManifest, parseManifest, formatManifest, clipsOf, isMultiLabelSet, withMultiLabelSet, labelVector, countManifest, type ManifestCounts } from './manifest.ts';
export { parseIrmasListing, type ListedFile, type IrmasImportOptions } from './import-irmas.ts';
export { parseOpenPir, type OpenPirImportOptions } from './import-openpir.ts';
export { checksumBytes, checksumSamples } from './checksum.ts';
export { wavInfo, type WavInfo } from './wav-info.ts';

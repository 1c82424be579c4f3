// Public surface of the baseline: the Han et al. (2017) CNN, its training and scoring.
// Browser-safe; Node helpers (corpus log-mels, model folders, the train-baseline run) are in ./node.ts,
// the leave-one-source-out run in ./loso-node.ts.
export { HAN_CONFIG, hanDecls, hanForward, hanParamCount, type HanConfig } from './model.ts';
export { HanModel, type HanFraming, type HanMeta } from './han.ts';
export { HAN_FIT, trainHan, type TrainHanRequest } from './train.ts';
export { loadHan } from './load.ts';
export { checkHanFolder, fetchHanFolder, loadHanUrl, type FetchLike, type HanFolderFiles } from './load-url.ts';
export { hanSummary, type HanSummary } from './summary.ts';
export { hanCard } from './card.ts';
export { HAN_MODEL_NAME, recognizeHan, type RecognizeHanOptions } from './recognize-han.ts';
export { scoreHanSplit, type HanSplitScore } from './score-han.ts';
export {
  EVAL_HOP_FRAMES, HOP_SECONDS, TRAIN_HOP_FRAMES, melStats, windowPicks, windowSource,
  type MelClipLabelled, type WindowPick,
} from './windows.ts';
export {
  LOSO_GROUPS, leadingSource, losoGroup, losoTable, mixedClips, planLoso, sourceCounts, sourcesUsed,
  type LosoFold, type LosoFoldResult, type LosoGroup, type LosoPlanOptions, type SourceCounts,
} from './loso.ts';

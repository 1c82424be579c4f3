// Public surface of sweep (browser-safe): the engine, its plan and settings, cells, the Han CNN
// baseline, results stores, reports and spread. Node hosts (./node.ts, ./outside-node.ts) are imported by path.
export { DEFAULT_SIGMAS, SWEEP_EPOCHS } from './types.ts';
export type {
  BaselineRunner, CellKey, CellResult, ModelRole, ResultsStore, Stage, SweepCorpus, SweepResults, SweepSettings, SweepShard,
} from './types.ts';
export { baselineCell, inShard, runSweep } from './sweep.ts';
export type { CellBatch, CellExecutor } from './sweep.ts';
export { sweepSettings } from './settings.ts';
export type { SweepSettingsInput } from './settings.ts';
export { cellId, chooseStages, stageTaps } from './plan.ts';
export { runProbeCell, scoreOnTest, trainCellProbe } from './cell.ts';
export { trainProbeOnCorpus } from './probe-on-corpus.ts';
export { defaultBaseline, hanBaseline, hanCell, melClips } from './baseline.ts';
export { contentId, limitClips } from './corpus.ts';
export { orderCells, sweepFingerprint } from './results.ts';
export { IdbResultsStore, MemoryResultsStore } from './store.ts';
export { bestProbe, formatSweepReport } from './report.ts';
export { formatSpread, sweepSpread } from './spread.ts';

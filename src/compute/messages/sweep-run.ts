// `sweepRun`: the paper's three-stage sweep (src/sweep) in the worker, its results saved in
// IndexedDB (src/sweep/store.ts, database "diffpir-sweeps") after every cell, so a rerun with
// the same key and settings resumes. Progress carries each finished cell (LabProgress.cell).
import type { SweepResults } from '../../sweep/types.ts';
import type { SweepSettingsInput } from '../../sweep/settings.ts';
import type { CorpusRef } from './lab-common.ts';

export interface SweepRunParams {
  /** Key of the results in IndexedDB. */
  key: string;
  model: string;
  /** Run the random-init control of the same config alongside (ignored for a random-init model). */
  control: boolean;
  /** Train and score the Han CNN as the baseline cell. */
  baseline: boolean;
  corpus: CorpusRef;
  settings: SweepSettingsInput;
  appBase: string;
}

export type SweepRunResult = SweepResults;

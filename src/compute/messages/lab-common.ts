// Types shared by the experiment's worker requests (probe, Han CNN, sweep, recognize): which
// corpus to read, the provenance every figure carries, and progress that can carry a training
// epoch or a finished sweep cell (extra fields of Progress, read with the guards below).
import type { Progress } from '../../common/progress.ts';
import type { EpochReport } from '../../probes/fit.ts';
import type { CellResult } from '../../sweep/types.ts';

/**
 * A labelled corpus the worker can read: `tones` is the quick synthetic stand-in for a preset
 * (src/corpus/synthetic-tones.ts); `stored` is a corpus the Data page rendered or imported into
 * IndexedDB, by its id.
 */
export type CorpusRef = { kind: 'tones'; preset: string; seed: number } | { kind: 'stored'; id: string };

/** Where a figure came from: printed under every chart and table, and kept in every export. */
export interface Provenance {
  model: string;
  modelHash?: string;
  /** Corpus id and what it is, e.g. "tones-tiny-seed1 (synthetic tones, not IRMAS)". */
  data: string;
  /** True when the data is IRMAS itself (only then are Han et al.'s published figures comparable). */
  isIrmas: boolean;
  sigma: number | null;
  tap: string | null;
  head: string;
  backend: string;
  seeds: { noise?: number; probe?: number };
  /** ISO time the figure was made. */
  at: string;
}

/** Progress of a lab request; may carry the epoch just finished or the sweep cell just done. */
export interface LabProgress extends Progress {
  epoch?: EpochReport;
  cell?: CellResult;
  cellSkipped?: boolean;
  /** Sweep: cells done and planned so far, for the progress bar and time left. */
  cells?: { done: number; planned: number };
}

export function asLabProgress(p: Progress): LabProgress {
  return p as LabProgress;
}

/** A probe or Han CNN as files: JSON metadata and little-endian float32 weights. */
export interface ModelFilesPayload {
  json: string;
  weights: ArrayBuffer;
}

// The sweep's vocabulary: settings, the corpus and stores it is given (injected, so the same
// engine runs in Node and in a browser worker), and the results file with every figure's
// provenance. Results are a list of completed cells; a rerun skips the cells already there.
import type { HeadKind } from '../probes/heads/index.ts';
import type { FitSettings } from '../probes/fit.ts';
import type { MetricsReport } from '../evaluation/types.ts';
import type { LabelledClip } from '../features/dataset.ts';
import type { WindowSpec } from '../features/windows.ts';
import type { JobOptions } from '../common/progress.ts';
import type { OutsideSet } from './outside.ts';

/** The paper's noise levels (sigma). */
/** Probe epoch cap in sweeps: generous, so that validation patience decides (the first small sweep, capped
 * at 60, stopped 12 of 17 subject cells at the cap). */
export const SWEEP_EPOCHS = 300;

export const DEFAULT_SIGMAS: readonly number[] = [0.01, 0.02, 0.05, 0.1, 0.2, 0.3, 0.5, 0.7, 0.9];

export type Stage = 1 | 2 | 3;
export type Split = 'train' | 'validation' | 'test';

export interface SweepClip extends LabelledClip {
  split: Split;
}

/** A corpus as the sweep sees it: clips with splits and labels, read on demand. */
export interface SweepCorpus {
  /** Stable id of the corpus content (e.g. "rendered-small-seed1-3fa2c1d0"). */
  id: string;
  /** Facts for the provenance (preset, seed, folder, clip counts...). */
  info: Record<string, unknown>;
  classes: readonly string[];
  clips: SweepClip[];
  /** Sets from outside the corpus every cell is also scored on (never for choices; outside.ts). */
  outside?: OutsideSet[];
}

export interface SweepSettings {
  sigmas: number[];
  stages: Stage[];
  /** Seed of the features' noise. */
  noiseSeed: number;
  /** Seed of probe initialisation, shuffling and dropout. */
  probeSeed: number;
  window: WindowSpec;
  /** Probe training settings (early stopping on validation). */
  fit: FitSettings;
  heads: HeadKind[];
  /** Windows per U-Net call. */
  batchSize: number;
  /** Stage-1 tap (default: the 2nd bottleneck resnet). */
  stage1Tap?: string;
  /** Sigma / tap to use when stage 1 / 2 is not run and not in the results. */
  sigma?: number;
  tap?: string;
  /** Clips per split used (undefined: all). */
  maxClips?: number;
}

/** Which model a probe cell reads (the baseline reads the log-mel itself). */
export type ModelRole = 'subject' | 'control';

export interface CellKey {
  role: ModelRole;
  sigma: number;
  tap: string;
  head: HeadKind;
}

export interface Scores {
  microF1: number;
  macroF1: number;
}

/** What any cell reports: its scores and how they were made. */
export interface CellOutcome {
  /** Model id the features came from (the baseline: its own name, e.g. "han-cnn"). */
  model: string;
  modelHash?: string;
  pooled: boolean;
  /** Per-example input shape of the head (features or the baseline's log-mel window). */
  featureShape: number[];
  parameters: number;
  /** Clip-level scores on validation at the threshold chosen there (what stages choose by). */
  validation: Scores;
  /** Test scores at the validation threshold: class-wise and averaged. */
  test: MetricsReport;
  /** Scores on the sweep's outside sets (e.g. real recordings) at the same threshold, by set name. */
  outside?: Record<string, MetricsReport>;
  threshold: number[];
  seeds: { noise?: number; probe: number };
  training: { epochs: number; bestEpoch: number; stopReason: string };
  examples: { train: number; validation: number; test: number };
  backend: string;
  seconds: { features: number; training: number; total: number };
}

export interface CellResult extends CellOutcome {
  /** "subject|0.1|d3.4.resnet|mlp", or "baseline|han-cnn". */
  id: string;
  kind: 'probe' | 'baseline';
  role: ModelRole | 'baseline';
  sigma: number | null;
  tap: string | null;
  head: HeadKind | string;
  /** The corpus id the figures come from (SweepCorpus.id, with preset and seed). */
  corpus: string;
  finishedAt: string;
}

export interface SweepChoices {
  sigma?: { value: number; by: string; validationMicroF1?: number };
  tap?: { value: string; by: string; validationMicroF1?: number };
  head?: { value: HeadKind; by: string; validationMicroF1?: number };
}

export interface SweepResults {
  format: 'diffpir-sweep';
  version: 1;
  /** Everything a cell's figures depend on besides its key; a rerun must match it. */
  fingerprint: Record<string, unknown>;
  settings: SweepSettings;
  subject: { id: string; hash: string; origin: string };
  control?: { id: string; hash: string; origin: string };
  corpus: { id: string; info: Record<string, unknown> };
  stage1Tap: string;
  stage2Taps: string[];
  cells: CellResult[];
  choices: SweepChoices;
  backend: string;
  started: string;
  updated: string;
  /** Wall seconds summed over the runs that produced these cells. */
  wallSeconds: number;
  /** Notes for the reader (e.g. the baseline part missing). */
  notes: string[];
  /** Set on a shard's file (`--shard i/N`): it holds only that share of each stage's cells. */
  shard?: SweepShard;
  /** On a shard started from an earlier (merged) file (`--from`): that file's wallSeconds, which every such shard carries; merge counts it once. */
  seedWallSeconds?: number;
}

/** The i-th (from 0) of N shares of a stage's cells: those whose index in the stage's list is i mod N. */
export interface SweepShard {
  index: number;
  count: number;
}

/** Where results live between units of work (a JSON file in Node, IndexedDB in the browser). */
export interface ResultsStore {
  readonly name: string;
  load(): Promise<unknown | undefined>;
  save(results: SweepResults): Promise<void>;
}

/** The Han et al. CNN trained and scored on the same corpus and splits (injected). */
export interface BaselineRunner {
  name: string;
  /** Trains on the train split, chooses its threshold on validation, scores test. */
  run(corpus: SweepCorpus, opts: JobOptions & { seed: number }): Promise<CellOutcome>;
}

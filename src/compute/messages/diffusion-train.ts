// `diffusionTrain`: trains a diffusion U-Net (v-objective) on a corpus in the worker, with its
// checkpoint and loss log in IndexedDB (store/train-runs.ts): the same run id resumes from the
// last checkpoint (after a stop, a reload or a lost GPU), and the finished model is stored as a
// user model with its card. Progress carries every loss-log line for the live curve.
import type { Progress } from '../../common/progress.ts';
import type { UserModelInfo } from '../../store/model-store.ts';
import type { LogLine } from '../../training/trainLog.ts';
import type { CorpusRef } from './lab-common.ts';

export interface DiffusionTrainParams {
  runId: string;
  /** The model's display name. */
  name: string;
  corpus: CorpusRef;
  /** A named config: tiny (seconds) or student (the shipped model's). */
  config: string;
  steps: number;
  batch: number;
  /** Crops per forward/backward pass (0: the whole batch). */
  microBatch: number;
  seed: number;
  cropFrames: number;
  lr: number;
  warmupSteps: number;
  checkpointEvery: number;
  /** Clips per split (class-balanced subset; absent: all). */
  maxClips?: number;
  float16?: boolean;
}

export interface DiffusionTrainProgress extends Progress {
  /** The loss-log line just written. */
  line?: LogLine;
}

export interface DiffusionTrainResult {
  model: UserModelInfo;
  steps: number;
  resumedFromStep: number;
  finalLoss: number;
  validation?: { vLoss: number; x0Error: number; clips: number };
  elapsedSec: number;
  clipsPerSec: number;
  backend: string;
  log: LogLine[];
}

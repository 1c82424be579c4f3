// `probeTrain`: features of a corpus at (model, sigma, tap), a probe head trained on the train
// split with early stopping on validation, its threshold chosen on validation, test scored.
// Progress carries every epoch (LabProgress.epoch); cancel = stop, keeping the best epoch.
import type { MetricsReport } from '../../evaluation/types.ts';
import type { EpochReport, FitSettings } from '../../probes/fit.ts';
import type { HeadKind } from '../../probes/heads/types.ts';
import type { CorpusRef, ModelFilesPayload, Provenance } from './lab-common.ts';

export interface ProbeTrainParams {
  model: string;
  appBase: string;
  corpus: CorpusRef;
  sigma: number;
  tap: string;
  head: HeadKind;
  noiseSeed: number;
  fit: Partial<FitSettings>;
  /** Clips per split (class-balanced subset); all when undefined. */
  maxClips?: number;
}

export interface ProbeTrainResult {
  probe: ModelFilesPayload;
  parameters: number;
  featureShape: number[];
  epochs: EpochReport[];
  bestEpoch: number;
  stopReason: string;
  validation: { microF1: number; macroF1: number };
  test: MetricsReport;
  examples: { train: number; validation: number; test: number };
  seconds: { features: number; training: number };
  provenance: Provenance;
  /** E.g. the feature cache's storage being full. */
  warnings: string[];
}

// `hanTrain`: the Han et al. CNN trained on a corpus's train split (1 s log-mel windows), early
// stopping and threshold on validation, test clips scored; or, with `model`, a given trained
// Han CNN only scored on the test split. Progress carries every epoch.
import type { MetricsReport } from '../../evaluation/types.ts';
import type { EpochReport, FitSettings } from '../../probes/fit.ts';
import type { CorpusRef, ModelFilesPayload, Provenance } from './lab-common.ts';

export interface HanTrainParams {
  corpus: CorpusRef;
  fit?: Partial<FitSettings>;
  maxClips?: number;
  /** Score this trained model instead of training one. */
  model?: ModelFilesPayload;
}

export interface HanTrainResult {
  model: ModelFilesPayload;
  parameters: number;
  epochs: EpochReport[];
  validation: { microF1: number; macroF1: number };
  test: MetricsReport;
  seconds: { training: number; total: number };
  provenance: Provenance;
}

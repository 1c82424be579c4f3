// `recognizeHan`: an audio file's bytes and a Han CNN folder served by the app (models/<folder>/)
// -> the same result as `recognize` (src/features/recognize.ts's RecognitionResult), from
// src/baseline/recognize-han.ts, the pipeline `npx diffpir recognize --han` runs.
import type { HanSummary } from '../../baseline/summary.ts';
import type { RecognitionResult } from '../../features/recognize.ts';
import type { ModelIdentity } from '../../recognition/recognizer.ts';

export interface RecognizeHanParams {
  /** The audio file's bytes (transferred). */
  bytes: ArrayBuffer;
  fileName: string;
  appBase: string;
  /** The folder under the app's models/, e.g. "han-cnn-recorded". */
  folder: string;
}

export interface RecognizeHanResult extends RecognitionResult {
  fileName: string;
  backend: string;
  /** Milliseconds: decode + resample, Han CNN load (0 when warm), log-mel + CNN, whole request. */
  timings: { decodeMs: number; modelMs: number; recognizeMs: number; totalMs: number };
  warnings: string[];
  /** The folder and what its model.json says about the model. */
  han: { folder: string } & HanSummary;
  /** The Han CNN weights' identity (what a combination's calibration is checked against). */
  identity: ModelIdentity;
}

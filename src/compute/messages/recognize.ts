// `recognize`: an audio file's bytes and a probe's files -> the predicted instruments with their
// probabilities and a per-window timeline (src/features/recognize.ts), using the model the probe
// was trained on (its featureSpec.model, resolved under the app's models/ or random-init).
import type { RecognitionResult } from '../../features/recognize.ts';
import type { ModelFilesPayload } from './lab-common.ts';

export interface RecognizeParams {
  /** The audio file's bytes (transferred). */
  bytes: ArrayBuffer;
  fileName: string;
  appBase: string;
  probe: ModelFilesPayload & { name: string };
}

export interface RecognizeResult extends RecognitionResult {
  fileName: string;
  backend: string;
  /** Milliseconds: decode + resample, model load (0 when warm), features + probe, whole request. */
  timings: { decodeMs: number; modelMs: number; recognizeMs: number; totalMs: number };
  warnings: string[];
  /** The probe's features: sigma, tap, head (for the provenance line). */
  probeSpec: { kind: string; sigma: number; tap: string; model: string };
}

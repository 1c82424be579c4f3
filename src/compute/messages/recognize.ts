// `recognize`: an audio file's bytes and a probe's files -> the predicted instruments with their
// probabilities and a per-window timeline (src/features/recognize.ts), using the model the probe
// was trained on (its featureSpec.model, resolved under the app's models/ or random-init), with the
// confident / not-sure verdict and top 3, calibrated when the probe folder has a calibration.json.
import type { RecognitionResult } from '../../features/recognize.ts';
import type { ModelIdentity } from '../../recognition/recognizer.ts';
import type { ModelFilesPayload } from './lab-common.ts';

export interface RecognizeParams {
  /** The audio file's bytes (transferred). */
  bytes: ArrayBuffer;
  fileName: string;
  appBase: string;
  /**
   * The probe's files; `calibration` is its folder's calibration.json text (null or absent: none),
   * applied when it was fitted for these weights, refused otherwise; `folder` names it in messages.
   */
  probe: ModelFilesPayload & { name: string; calibration?: string | null; folder?: string };
}

export interface RecognizeResult extends RecognitionResult {
  fileName: string;
  backend: string;
  /** Milliseconds: decode + resample, model load (0 when warm), features + probe, whole request. */
  timings: { decodeMs: number; modelMs: number; recognizeMs: number; totalMs: number };
  warnings: string[];
  /** The probe's features: sigma, tap, head (for the provenance line). */
  probeSpec: { kind: string; sigma: number; tap: string; model: string };
  /** The probe weights' identity (what a calibration or a combination's calibration is checked against). */
  identity: ModelIdentity;
}

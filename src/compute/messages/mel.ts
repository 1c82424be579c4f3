// `mel` request: decode an audio file's bytes, downmix/resample to 16 kHz and compute its log-mel.
import type { AudioFormat } from '../../audio/types.ts';

export interface MelParams {
  /** The file's bytes (transferred to the worker, so the caller's copy is detached). */
  bytes: ArrayBuffer;
  fileName: string;
  /** Number of min/max columns in the waveform overview (default 1024). */
  waveformBins?: number;
}

export interface WaveformOverview {
  /** Per column: the lowest and highest sample of the 16 kHz mono signal in that span. */
  min: Float32Array;
  max: Float32Array;
}

export interface MelResult {
  fileName: string;
  format: AudioFormat;
  durationSec: number;
  originalSampleRate: number;
  originalChannels: number;
  warnings: string[];
  /** ln(max(mel, 1e-5)), [nMels, frames] row-major. */
  logMel: Float32Array;
  nMels: number;
  frames: number;
  waveform: WaveformOverview;
  /** Milliseconds spent decoding + resampling, and computing the log-mel, in the worker. */
  timings: { decodeMs: number; melMs: number };
}

// loadAudio16k: any supported file -> mono 16 kHz samples for the mel front end
// (decode, average the channels, band-limited resample), with the input's facts and warnings.
import { LabError } from '../common/errors.ts';
import { throwIfCancelled, type JobOptions } from '../common/progress.ts';
import { MEL_CONFIG, MIN_SAMPLES_16K } from './config.ts';
import { decodeAudio } from './decode.ts';
import { resample } from './resample.ts';
import type { Audio16k } from './types.ts';

/** Average of the channels (float64 accumulation). A single channel is returned as is. */
export function downmixToMono(channels: Float32Array[]): Float32Array {
  if (channels.length === 0) throw new LabError('downmix: no channels');
  if (channels.length === 1) return channels[0];
  const n = channels[0].length;
  const out = new Float32Array(n);
  const scale = 1 / channels.length;
  for (let i = 0; i < n; i++) {
    let s = 0;
    for (const c of channels) s += c[i];
    out[i] = s * scale;
  }
  return out;
}

/** Decodes a file and returns mono 16 kHz audio; LabError when the clip is too short for one mel frame. */
export async function loadAudio16k(bytes: Uint8Array, fileName: string, opts: JobOptions = {}): Promise<Audio16k> {
  opts.onProgress?.({ stage: 'decoding audio', done: 0, total: 2, detail: fileName });
  const decoded = await decodeAudio(bytes, fileName, { signal: opts.signal });
  throwIfCancelled(opts.signal, 'loading audio');
  opts.onProgress?.({ stage: 'resampling to 16 kHz', done: 1, total: 2, detail: fileName });
  const mono = downmixToMono(decoded.channels);
  const samples = resample(mono, decoded.sampleRate, MEL_CONFIG.sampleRate);
  const durationSec = mono.length / decoded.sampleRate;
  if (samples.length < MIN_SAMPLES_16K) {
    throw new LabError(
      `${fileName || 'audio'}: clip is ${(durationSec * 1000).toFixed(1)} ms long; at least ${(MIN_SAMPLES_16K / 16).toFixed(0)} ms are needed for one mel frame`,
    );
  }
  opts.onProgress?.({ stage: 'audio ready', done: 2, total: 2, detail: fileName });
  return {
    samples,
    sampleRate: 16000,
    originalSampleRate: decoded.sampleRate,
    originalChannels: decoded.channels.length,
    durationSec,
    format: decoded.format,
    warnings: decoded.warnings,
  };
}

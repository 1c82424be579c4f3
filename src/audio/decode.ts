// decodeAudio: bytes -> channels at the file's own rate. Picks the decoder by magic bytes,
// then applies the same checks to every format: size and length limits, plausible rate,
// non-finite samples (zeroed, with a warning) and silence (a warning, not an error).
import { LabError } from '../common/errors.ts';
import { parseNpy } from '../common/npy.ts';
import { MAX_CHANNELS, MAX_DURATION_SEC, MAX_FILE_BYTES, MAX_SAMPLE_RATE, MIN_SAMPLE_RATE, SILENCE_PEAK, MEL_CONFIG } from './config.ts';
import { decodeCompressed } from './compressed.ts';
import { sniffFormat } from './sniff.ts';
import type { DecodedAudio } from './types.ts';
import { decodeWav } from './wav.ts';

/** A .npy input holds float samples at this rate: [n] mono or [channels, n]. */
export const NPY_SAMPLE_RATE = MEL_CONFIG.sampleRate;

export interface DecodeOptions {
  signal?: AbortSignal;
}

const SUPPORTED = 'WAV, MP3, Ogg Vorbis, FLAC or a .npy of 16 kHz samples';

function decodeNpyAudio(bytes: Uint8Array, name: string): DecodedAudio {
  const { shape, data } = parseNpy(bytes, name);
  if (shape.length === 1) return { channels: [data], sampleRate: NPY_SAMPLE_RATE, format: 'npy', warnings: [] };
  if (shape.length === 2 && shape[0] >= 1 && shape[0] <= MAX_CHANNELS) {
    const [c, n] = shape;
    return { channels: Array.from({ length: c }, (_, i) => data.slice(i * n, (i + 1) * n)), sampleRate: NPY_SAMPLE_RATE, format: 'npy', warnings: [] };
  }
  throw new LabError(`${name}: .npy audio must have shape [samples] or [channels, samples], got [${shape.join(', ')}]`);
}

/** Browser-only fallback for formats our decoders do not read (e.g. M4A, Opus): Web Audio. */
async function decodeWithWebAudio(bytes: Uint8Array, name: string, what: string): Promise<DecodedAudio> {
  const Ctx = (globalThis as { OfflineAudioContext?: typeof OfflineAudioContext }).OfflineAudioContext;
  const refusal = `${name}: ${what} is not supported; use ${SUPPORTED}`;
  if (!Ctx) throw new LabError(refusal);
  try {
    const buffer = await new Ctx(1, 1, 44100).decodeAudioData(bytes.slice().buffer);
    const channels = Array.from({ length: buffer.numberOfChannels }, (_, c) => buffer.getChannelData(c).slice());
    return { channels, sampleRate: buffer.sampleRate, format: 'webaudio', warnings: [`${name}: ${what} decoded by the browser (resampled by it to ${buffer.sampleRate} Hz)`] };
  } catch {
    throw new LabError(refusal);
  }
}

function checkDecoded(audio: DecodedAudio, name: string): DecodedAudio {
  const { channels, sampleRate } = audio;
  if (!(sampleRate >= MIN_SAMPLE_RATE && sampleRate <= MAX_SAMPLE_RATE)) {
    throw new LabError(`${name}: sample rate ${sampleRate} Hz is outside ${MIN_SAMPLE_RATE}-${MAX_SAMPLE_RATE} Hz`);
  }
  if (channels.length === 0 || channels[0].length === 0) throw new LabError(`${name}: contains no samples (zero-length clip)`);
  const seconds = channels[0].length / sampleRate;
  if (seconds > MAX_DURATION_SEC) {
    throw new LabError(`${name}: clip is ${seconds.toFixed(1)} s long; the limit is ${MAX_DURATION_SEC} s (${MAX_DURATION_SEC / 60} minutes)`);
  }
  let bad = 0, peak = 0;
  for (const c of channels) {
    for (let i = 0; i < c.length; i++) {
      const v = c[i];
      if (!Number.isFinite(v)) { c[i] = 0; bad++; } else if (Math.abs(v) > peak) peak = Math.abs(v);
    }
  }
  if (bad > 0) audio.warnings.push(`${name}: ${bad} samples were NaN or infinite and were set to 0`);
  if (peak <= SILENCE_PEAK) {
    const dbfs = peak > 0 ? `${(20 * Math.log10(peak)).toFixed(0)} dBFS` : 'all zeros';
    audio.warnings.push(`${name}: clip is silent (peak ${dbfs}); its log-mel is flat at the floor ln(1e-5)`);
  } else if (peak > 1.5) {
    audio.warnings.push(`${name}: samples reach ${peak.toFixed(2)}, beyond full scale [-1, 1]`);
  }
  return audio;
}

/**
 * Decodes an audio file from its bytes. The format is recognized from the bytes; `fileName`
 * is only used in messages. Throws LabError for empty, unrecognized, damaged or over-limit input.
 */
export async function decodeAudio(bytes: Uint8Array, fileName: string, opts: DecodeOptions = {}): Promise<DecodedAudio> {
  const name = fileName || 'audio';
  if (bytes.length === 0) throw new LabError(`${name}: file is empty (0 bytes)`);
  if (bytes.length > MAX_FILE_BYTES) {
    throw new LabError(`${name}: file is ${(bytes.length / 2 ** 20).toFixed(0)} MB; the limit is ${MAX_FILE_BYTES / 2 ** 20} MB`);
  }
  const sniffed = sniffFormat(bytes);
  let audio: DecodedAudio;
  if (sniffed.kind === 'unknown') {
    throw new LabError(`${name}: not an audio file the lab can read (${sniffed.what}); expected ${SUPPORTED}`);
  } else if (sniffed.kind === 'unsupported') {
    audio = await decodeWithWebAudio(bytes, name, sniffed.what);
  } else if (sniffed.format === 'wav') {
    audio = decodeWav(bytes, name);
  } else if (sniffed.format === 'npy') {
    audio = decodeNpyAudio(bytes, name);
  } else {
    audio = await decodeCompressed(bytes, sniffed.format, name, opts.signal);
  }
  return checkDecoded(audio, name);
}

// Minimal WAV writer (16-bit PCM or 32-bit float, interleaved), for tests, the corpus renderer
// and downloads. Samples outside [-1, 1] are clipped in 16-bit mode.
import { LabError } from '../common/errors.ts';

export interface EncodeWavOptions {
  /** 'pcm16' (default) or 'float32'. */
  encoding?: 'pcm16' | 'float32';
}

/** Encodes mono (one array) or multi-channel (an array per channel, equal lengths) audio as WAV. */
export function encodeWav(samples: Float32Array | Float32Array[], sampleRate: number, opts: EncodeWavOptions = {}): Uint8Array {
  const channels = Array.isArray(samples) ? samples : [samples];
  if (channels.length === 0) throw new LabError('encodeWav: no channels given');
  const frames = channels[0].length;
  if (channels.some((c) => c.length !== frames)) throw new LabError('encodeWav: channels have different lengths');
  if (!Number.isInteger(sampleRate) || sampleRate <= 0) throw new LabError(`encodeWav: sample rate must be a positive integer, got ${sampleRate}`);
  const float = opts.encoding === 'float32';
  const bytesPerSample = float ? 4 : 2;
  const blockAlign = bytesPerSample * channels.length;
  const dataBytes = frames * blockAlign;
  const out = new Uint8Array(44 + dataBytes);
  const view = new DataView(out.buffer);
  const tag = (at: number, s: string) => { for (let i = 0; i < 4; i++) out[at + i] = s.charCodeAt(i); };
  tag(0, 'RIFF');
  view.setUint32(4, 36 + dataBytes, true);
  tag(8, 'WAVE');
  tag(12, 'fmt ');
  view.setUint32(16, 16, true);
  view.setUint16(20, float ? 3 : 1, true);
  view.setUint16(22, channels.length, true);
  view.setUint32(24, sampleRate, true);
  view.setUint32(28, sampleRate * blockAlign, true);
  view.setUint16(32, blockAlign, true);
  view.setUint16(34, bytesPerSample * 8, true);
  tag(36, 'data');
  view.setUint32(40, dataBytes, true);
  let at = 44;
  for (let i = 0; i < frames; i++) {
    for (const c of channels) {
      if (float) view.setFloat32(at, c[i], true);
      else view.setInt16(at, Math.round(Math.max(-1, Math.min(1, c[i])) * 32767), true);
      at += bytesPerSample;
    }
  }
  return out;
}

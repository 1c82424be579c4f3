// `mel`: decode a file's bytes (wav/mp3/ogg/flac/npy), mono 16 kHz, log-mel; plus a waveform
// overview for drawing. Pure TypeScript (src/audio), so it needs no TensorFlow.js backend.
import { loadAudio16k, logMel } from '../../audio/index.ts';
import { throwIfCancelled } from '../../common/progress.ts';
import { defineHandler } from '../handler.ts';
import type { WaveformOverview } from '../messages/mel.ts';

/** Min/max of each of `bins` equal spans of the signal. */
export function waveformOverview(samples: Float32Array, bins: number): WaveformOverview {
  const n = Math.max(1, Math.min(bins, samples.length));
  const min = new Float32Array(n);
  const max = new Float32Array(n);
  for (let b = 0; b < n; b++) {
    const from = Math.floor((b * samples.length) / n);
    const to = Math.max(from + 1, Math.floor(((b + 1) * samples.length) / n));
    let lo = Infinity;
    let hi = -Infinity;
    for (let i = from; i < to && i < samples.length; i++) {
      const v = samples[i];
      if (v < lo) lo = v;
      if (v > hi) hi = v;
    }
    min[b] = Number.isFinite(lo) ? lo : 0;
    max[b] = Number.isFinite(hi) ? hi : 0;
  }
  return { min, max };
}

export const melHandler = defineHandler('mel', {
  needsBackend: false,
  retryOnWasm: false,
  // Touches no TensorFlow.js state, so it need not wait behind backend start-up or long jobs.
  concurrent: true,
  run: async (params, ctx) => {
    const t0 = performance.now();
    const audio = await loadAudio16k(new Uint8Array(params.bytes), params.fileName, { onProgress: ctx.onProgress, signal: ctx.signal });
    const t1 = performance.now();
    ctx.onProgress({ stage: 'computing the log-mel', done: 0, total: 1, detail: params.fileName });
    const mel = logMel(audio.samples, { signal: ctx.signal });
    const t2 = performance.now();
    throwIfCancelled(ctx.signal, 'mel');
    const waveform = waveformOverview(audio.samples, params.waveformBins ?? 1024);
    ctx.transfer(mel.logMel.buffer, waveform.min.buffer, waveform.max.buffer);
    return {
      fileName: params.fileName,
      format: audio.format,
      durationSec: audio.durationSec,
      originalSampleRate: audio.originalSampleRate,
      originalChannels: audio.originalChannels,
      warnings: audio.warnings,
      logMel: mel.logMel,
      nMels: mel.nMels,
      frames: mel.frames,
      waveform,
      timings: { decodeMs: t1 - t0, melMs: t2 - t1 },
    };
  },
});

import { describe, expect, it } from 'vitest';
import { encodeWav } from '../../audio/index.ts';
import type { HandlerContext } from '../handler.ts';
import type { Progress } from '../../common/progress.ts';
import { melHandler, waveformOverview } from './mel.ts';

describe('mel handler', () => {
  it('summarises a waveform as min/max columns', () => {
    const x = Float32Array.from({ length: 100 }, (_, i) => (i % 10) / 10 - 0.5);
    const w = waveformOverview(x, 10);
    expect(Array.from(w.min).every((v) => Math.abs(v + 0.5) < 1e-6)).toBe(true);
    expect(Array.from(w.max).every((v) => Math.abs(v - 0.4) < 1e-6)).toBe(true);
    expect(waveformOverview(x, 1000).min.length).toBe(100);
  });

  it('decodes a stereo 44.1 kHz wav to a 128-band log-mel with facts and timings', async () => {
    const n = 44100;
    const tone = Float32Array.from({ length: n }, (_, i) => 0.3 * Math.sin((2 * Math.PI * 440 * i) / 44100));
    const bytes = encodeWav([tone, tone], 44100);
    const stages: string[] = [];
    const transferred: Transferable[] = [];
    const ctx = {
      id: 1,
      signal: new AbortController().signal,
      onProgress: (p: Progress) => stages.push(p.stage),
      transfer: (...b: Transferable[]) => transferred.push(...b),
      notice: () => undefined,
      runtime: undefined as never,
    } satisfies HandlerContext;
    const r = await melHandler.run({ bytes: bytes.slice().buffer, fileName: 'tone.wav', waveformBins: 200 }, ctx);
    expect(r).toMatchObject({ nMels: 128, frames: 50, originalSampleRate: 44100, originalChannels: 2, format: 'wav' });
    expect(r.durationSec).toBeCloseTo(1, 6);
    expect(r.logMel.length).toBe(128 * 50);
    expect(r.waveform.max.length).toBe(200);
    expect(transferred.length).toBe(3);
    expect(stages).toContain('computing the log-mel');
  });
});

import { describe, expect, it } from 'vitest';
import { synthesiseToneClip, toneCorpus, TONES_SAMPLE_RATE } from './synthetic-tones.ts';

describe('synthetic tone corpus', () => {
  it('follows the preset plan and is deterministic', async () => {
    const a = toneCorpus('tiny', 1);
    const b = toneCorpus('tiny', 1);
    expect(a.id).toBe('tones-tiny-seed1');
    expect(a.clips.filter((c) => c.split === 'train')).toHaveLength(33);
    expect(a.clips.filter((c) => c.split === 'validation')).toHaveLength(11);
    expect(a.clips.filter((c) => c.split === 'test')).toHaveLength(8);
    const [x, y] = await Promise.all([a.clips[0].read(), b.clips[0].read()]);
    expect(x.length).toBe(3 * TONES_SAMPLE_RATE);
    expect(Array.from(x.subarray(1000, 1010))).toEqual(Array.from(y.subarray(1000, 1010)));
  });

  it('makes audible, bounded audio with distinct spectra per class', () => {
    const rms = (s: Float32Array) => Math.sqrt(s.reduce((a, v) => a + v * v, 0) / s.length);
    const cel = synthesiseToneClip(['cel'], 2, 'test', 7);
    const flu = synthesiseToneClip(['flu'], 2, 'test', 7);
    for (const s of [cel, flu]) {
      expect(rms(s)).toBeGreaterThan(0.02);
      expect(Math.max(...s.map(Math.abs))).toBeLessThanOrEqual(0.95 + 1e-6);
    }
    // Zero crossings as a crude brightness measure: the flute sits far above the cello.
    const zc = (s: Float32Array) => s.reduce((n, v, i) => n + (i > 0 && Math.sign(v) !== Math.sign(s[i - 1]) ? 1 : 0), 0);
    expect(zc(flu)).toBeGreaterThan(2 * zc(cel));
  });
});

import { describe, expect, it } from 'vitest';
import { clipWindows, DEFAULT_WINDOW, parseWindowSpec, windowSlice, spanSeconds } from './windows.ts';
import { DEFAULT_MEL_NORMALISATION, normaliseLogMel, readMelNormalisation, silenceValue } from './mel-norm.ts';
import { windowNoise } from './noise.ts';

describe('windows', () => {
  it('a 3 s training clip (150 frames) is one 152-frame window', () => {
    expect(clipWindows(150)).toEqual([{ start: 0, end: 152 }]);
  });

  it('a 7 s test clip is cut every 76 frames with a last window ending at the clip end', () => {
    const w = clipWindows(350);
    expect(w.map((s) => s.start)).toEqual([0, 76, 152, 198]);
    expect(w.every((s) => s.end - s.start === DEFAULT_WINDOW.frames)).toBe(true);
    expect(w.at(-1)!.end).toBe(350);
    expect(spanSeconds(w[1])).toEqual({ start: 1.52, end: 4.56 });
  });

  it('refuses windows that are not a multiple of 8', () => {
    expect(() => clipWindows(100, { frames: 100, hop: 50 })).toThrow(/multiple of 8/);
  });

  it('pads past the clip end with normalised silence', () => {
    const nMels = 2;
    const mel = Float32Array.from([1, 2, 3, 4, 5, 6]); // [2, 3]
    const out = windowSlice(mel, nMels, { start: 1, end: 9 }, DEFAULT_MEL_NORMALISATION);
    const sil = silenceValue(DEFAULT_MEL_NORMALISATION, 0);
    expect(Array.from(out.subarray(0, 3))).toEqual([2, 3, Math.fround(sil)]);
    expect(out[8]).toBe(5);
    expect(out[15]).toBeCloseTo(sil, 5);
  });
});

describe('mel normalisation', () => {
  it('reads mel.normalisation from config.json, scalar or per band', () => {
    expect(readMelNormalisation({ mel: { normalisation: { mean: -4, std: 2 } } })).toMatchObject({ mean: -4, std: 2, source: 'config.json' });
    expect(readMelNormalisation({})).toBe(DEFAULT_MEL_NORMALISATION);
    const per = readMelNormalisation({ mel_normalisation: { mean: [0, 1], std: [1, 2] } }, 'x', 2);
    expect(Array.from(normaliseLogMel(Float32Array.from([2, 2, 3, 5]), 2, per))).toEqual([2, 2, 1, 2]);
    expect(() => readMelNormalisation({ mel: { normalisation: { mean: 0, std: 0 } } })).toThrow(/std must be/);
  });
});

describe('seeded noise', () => {
  it('is the same for the same seed, clip and window, and differs otherwise', () => {
    const a = windowNoise(7, 'abc', 0, 1001);
    expect(windowNoise(7, 'abc', 0, 1001)).toEqual(a);
    expect(windowNoise(8, 'abc', 0, 1001)).not.toEqual(a);
    expect(windowNoise(7, 'abd', 0, 1001)).not.toEqual(a);
    expect(windowNoise(7, 'abc', 76, 1001)).not.toEqual(a);
    const mean = a.reduce((s, v) => s + v, 0) / a.length;
    const sd = Math.sqrt(a.reduce((s, v) => s + (v - mean) ** 2, 0) / a.length);
    expect(Math.abs(mean)).toBeLessThan(0.1);
    expect(sd).toBeGreaterThan(0.9);
    expect(sd).toBeLessThan(1.1);
  });
});

describe('parseWindowSpec (--window)', () => {
  it('reads FRAMES/HOP and FRAMES (hop half), and refuses what the U-Net cannot take', () => {
    expect(parseWindowSpec('48/24')).toEqual({ frames: 48, hop: 24 });
    expect(parseWindowSpec(' 152 ')).toEqual({ frames: 152, hop: 76 });
    expect(() => parseWindowSpec('50/25')).toThrow(/multiple of 8/);
    expect(() => parseWindowSpec('48/0')).toThrow(/hop 0/);
    expect(() => parseWindowSpec('3s')).toThrow(/FRAMES or FRAMES\/HOP/);
  });
});

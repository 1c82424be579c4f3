// Resampler: frequency and amplitude kept in the passband, >= 60 dB suppression above 8 kHz.
import { describe, expect, it } from 'vitest';
import { resample } from './resample.ts';
import { db, rms, sine, toneAmplitude, zeroCrossingHz } from './test-helpers.ts';

const interior = (x: Float32Array) => [Math.floor(x.length * 0.1), Math.floor(x.length * 0.9)] as const;

describe('resample to 16 kHz', () => {
  for (const from of [44100, 48000, 22050, 8000, 11025.5]) {
    it(`keeps a 1 kHz sine from ${from} Hz: same frequency, amplitude within 0.1 dB`, () => {
      const x = sine(1000, from, 0.5, 0.5, 0.3);
      const y = resample(x, from, 16000);
      expect(y.length).toBe(Math.ceil((x.length * 16000) / from));
      const [a, b] = interior(y);
      const hz = zeroCrossingHz(y, 16000, a, b);
      expect(Math.abs(hz - 1000)).toBeLessThan(0.5);
      const gainDb = db(toneAmplitude(y, 16000, 1000, a, b) / 0.5);
      expect(Math.abs(gainDb)).toBeLessThan(0.1);
    });
  }

  for (const from of [44100, 48000, 96000]) {
    it(`suppresses tones above 8 kHz by >= 60 dB from ${from} Hz`, () => {
      const worst: string[] = [];
      for (const f of [8100, 8500, 9000, 10000, 12000, 15000, 20000, 21000].filter((f) => f < from / 2)) {
        const y = resample(sine(f, from, 0.25, 0.9), from, 16000);
        const [a, b] = interior(y);
        const level = db(rms(y, a, b) / (0.9 / Math.SQRT2));
        worst.push(`${f} Hz: ${level.toFixed(1)} dB`);
        expect(level, `tone at ${f} Hz`).toBeLessThanOrEqual(-60);
      }
      console.log(`${from} -> 16000: ${worst.join(', ')}`);
    });
  }

  it('suppresses noise confined to 8-22 kHz by >= 60 dB', () => {
    // Sum of many random-phase tones strictly above 8 kHz, at 44.1 kHz.
    const from = 44100, n = 22050;
    const x = new Float32Array(n);
    let seed = 12345;
    const rnd = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
    for (let c = 0; c < 200; c++) {
      const f = 8050 + rnd() * 13900, ph = rnd() * 2 * Math.PI;
      for (let i = 0; i < n; i++) x[i] += 0.01 * Math.sin((2 * Math.PI * f * i) / from + ph);
    }
    const y = resample(x, from, 16000);
    const [a, b] = interior(y);
    const level = db(rms(y, a, b) / rms(x));
    expect(level).toBeLessThanOrEqual(-60);
  });

  it('passes 16 kHz through unchanged and upsamples without images', () => {
    const x = sine(440, 16000, 0.1);
    expect(resample(x, 16000, 16000)).toEqual(x);
    const y = resample(sine(1000, 8000, 0.5, 0.5), 8000, 16000);
    const [a, b] = interior(y);
    // The image of 1 kHz would be at 7 kHz.
    expect(db(toneAmplitude(y, 16000, 7000, a, b) / 0.5)).toBeLessThan(-60);
  });

  it('handles empty input and refuses bad rates', () => {
    expect(resample(new Float32Array(0), 44100, 16000).length).toBe(0);
    expect(() => resample(new Float32Array(4), 0, 16000)).toThrow(/source rate/);
    expect(() => resample(new Float32Array(4), 44100, Number.NaN)).toThrow(/target rate/);
  });
});

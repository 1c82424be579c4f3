// Mel parity with ../shared/fixtures/mel (PyTorch reference) and FFT correctness.
import { describe, expect, it } from 'vitest';
import { FftPlan } from './fft.ts';
import { melFilterbank } from './mel-filterbank.ts';
import { logMel, melFrameCount, melSpectrogram, toLogMel } from './mel.ts';
import { MEL_CONFIG } from './config.ts';
import { readSharedNpy } from './test-helpers.ts';

function relError(a: ArrayLike<number>, b: ArrayLike<number>): number {
  let num = 0, den = 0;
  for (let i = 0; i < b.length; i++) { num += (a[i] - b[i]) ** 2; den += b[i] ** 2; }
  return Math.sqrt(num / den);
}

describe('FftPlan', () => {
  for (const n of [640, 1, 2, 3, 5, 12, 49, 97, 320]) {
    it(`matches a direct DFT for n=${n}`, () => {
      const re = Float64Array.from({ length: n }, (_, i) => Math.sin(i * 1.3) + (i % 3));
      const im = Float64Array.from({ length: n }, (_, i) => Math.cos(i * 0.7));
      const xr = Float64Array.from(re), xi = Float64Array.from(im);
      new FftPlan(n).transform(xr, xi);
      let err = 0;
      for (let k = 0; k < n; k++) {
        let sr = 0, si = 0;
        for (let j = 0; j < n; j++) {
          const a = (-2 * Math.PI * j * k) / n;
          sr += re[j] * Math.cos(a) - im[j] * Math.sin(a);
          si += re[j] * Math.sin(a) + im[j] * Math.cos(a);
        }
        err = Math.max(err, Math.abs(sr - xr[k]), Math.abs(si - xi[k]));
      }
      expect(err).toBeLessThan(1e-9 * n);
    });
  }
});

describe('mel front end vs ../shared/fixtures/mel', () => {
  const audio = readSharedNpy('mel/audio.npy');
  const refMag = readSharedNpy('mel/mel_magnitude.npy');
  const refLog = readSharedNpy('mel/mel_log.npy');
  const refFb = readSharedNpy('mel/mel_filterbank.npy');

  it('builds the same filterbank [321, 128]', () => {
    const fb = melFilterbank();
    expect(refFb.shape).toEqual([fb.nFreqs, fb.nMels]);
    let maxErr = 0;
    for (let i = 0; i < refFb.data.length; i++) maxErr = Math.max(maxErr, Math.abs(fb.dense[i] - refFb.data[i]));
    expect(maxErr).toBeLessThan(1e-6);
  });

  it('matches the magnitude within relative error 1e-5', () => {
    const mel = melSpectrogram(audio.data);
    expect(refMag.shape).toEqual([128, mel.frames]);
    expect(mel.frames).toBe(100);
    const err = relError(mel.magnitude, refMag.data);
    console.log(`mel magnitude relative error ${err.toExponential(2)}`);
    expect(err).toBeLessThanOrEqual(1e-5);
  });

  it('matches the log-mel within 1e-3 where the reference magnitude >= 1e-3', () => {
    const { logMel: lm } = logMel(audio.data);
    let maxErr = 0, counted = 0;
    for (let i = 0; i < refLog.data.length; i++) {
      if (refMag.data[i] < 1e-3) continue;
      counted++;
      maxErr = Math.max(maxErr, Math.abs(lm[i] - refLog.data[i]));
    }
    expect(counted).toBeGreaterThan(1000);
    expect(maxErr).toBeLessThanOrEqual(1e-3);
  });

  it('gives the same frames whether a frame is paired in one FFT or alone (odd frame count)', () => {
    const full = melSpectrogram(audio.data);
    const odd = melSpectrogram(audio.data.subarray(0, 99 * 320)); // 99 frames: the last one is unpaired
    expect(odd.frames).toBe(99);
    let maxErr = 0;
    for (let b = 0; b < 128; b++) {
      for (let t = 0; t < 97; t++) maxErr = Math.max(maxErr, Math.abs(odd.magnitude[b * 99 + t] - full.magnitude[b * 100 + t]));
    }
    expect(maxErr).toBe(0);
    const single = melSpectrogram(audio.data.subarray(8000, 8320)); // exactly one frame
    expect(single.frames).toBe(1);
    expect(single.magnitude.some((v) => v > 0)).toBe(true);
  });

  it('floors the log at ln(1e-5)', () => {
    expect(toLogMel(new Float32Array([0, 1e-7, 1]))).toEqual(new Float32Array([Math.log(1e-5), Math.log(1e-5), 0]));
  });

  it('counts frames as the fixture does and refuses clips too short for one frame', () => {
    expect(melFrameCount(32000)).toBe(100);
    expect(melFrameCount(MEL_CONFIG.hopLength)).toBe(1);
    expect(() => melSpectrogram(new Float32Array(100))).toThrow(/at least 320/);
  });

  it('computes 10 s of audio quickly', () => {
    const x = Float32Array.from({ length: 160000 }, (_, i) => Math.sin(i * 0.05));
    melSpectrogram(x);
    const t0 = performance.now();
    const mel = melSpectrogram(x);
    const ms = performance.now() - t0;
    console.log(`mel of 10 s: ${ms.toFixed(1)} ms (${mel.frames} frames)`);
    expect(mel.frames).toBe(500);
    expect(ms).toBeLessThan(2000);
  });
});

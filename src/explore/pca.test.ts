import { describe, expect, it } from 'vitest';
import { pca } from './pca.ts';

function rng(seed: number) {
  let a = seed;
  return () => ((a = (a * 1664525 + 1013904223) >>> 0) / 4294967296);
}

describe('pca', () => {
  it('finds the direction of largest spread, variance shares and centred scores', () => {
    // Points along (1, 1, 0) with spread 3, along (1, -1, 0) with spread 1, tiny noise on z.
    const r = rng(1);
    const n = 200;
    const x = new Float32Array(n * 3);
    for (let i = 0; i < n; i++) {
      const a = (r() - 0.5) * 6;
      const b = (r() - 0.5) * 2;
      x.set([a + b + 5, a - b - 2, (r() - 0.5) * 0.01], i * 3);
    }
    const res = pca(x, n, 3);
    const c0 = Array.from(res.components.subarray(0, 3));
    expect(Math.abs(c0[0])).toBeCloseTo(Math.SQRT1_2, 1);
    expect(Math.abs(c0[1])).toBeCloseTo(Math.SQRT1_2, 1);
    expect(Math.sign(c0[0])).toBe(Math.sign(c0[1]));
    const c1 = Array.from(res.components.subarray(3, 6));
    expect(Math.sign(c1[0])).toBe(-Math.sign(c1[1]));
    expect(res.explained[0]).toBeGreaterThan(0.85);
    expect(res.explained[0] + res.explained[1]).toBeGreaterThan(0.999);
    let mean0 = 0;
    for (let i = 0; i < n; i++) mean0 += res.scores[i * 2] / n;
    expect(Math.abs(mean0)).toBeLessThan(1e-4);
  });

  it('gives the same scores (up to sign) through the Gram matrix when features outnumber items', () => {
    const r = rng(7);
    const n = 12;
    const d = 40;
    const x = Float32Array.from({ length: n * d }, () => r());
    const wide = pca(x, n, d);
    // Pad the rows with copies so that n > d and the covariance path is taken: same leading components.
    const tall = new Float32Array(n * 4 * d);
    for (let c = 0; c < 4; c++) tall.set(x, c * n * d);
    const viaCov = pca(tall, n * 4, d);
    for (let p = 0; p < 2; p++) {
      let dot = 0;
      for (let j = 0; j < d; j++) dot += wide.components[p * d + j] * viaCov.components[p * d + j];
      expect(Math.abs(dot)).toBeCloseTo(1, 4);
    }
    expect(wide.explained[0]).toBeCloseTo(viaCov.explained[0], 4);
  });

  it('names bad input', () => {
    expect(() => pca(new Float32Array(5), 2, 3)).toThrow(/5 values are not 2 rows of 3/);
    expect(() => pca(new Float32Array(3), 1, 3)).toThrow(/at least 2 items/);
  });

  it('handles identical rows (no variance) without NaN', () => {
    const res = pca(new Float32Array(12).fill(2), 4, 3);
    expect(Array.from(res.scores).every((v) => v === 0)).toBe(true);
    expect(res.explained).toEqual([0, 0]);
  });
});

import { describe, expect, it } from 'vitest';
import { ddpmTToSigma, sigmaToDdpmT } from '../../../unet/diffusion.ts';
import { ddpmTOfSigma, sigmaOfDdpmT } from './ddpm-t.ts';
import { cleanSigma, exploreViewParams, parseExploreView } from './explore-url.ts';
import { heatImage, heatRange } from './heatmap-image.ts';

describe('explore view in the URL', () => {
  it('round-trips a view', () => {
    const v = { model: 'student-v1', clip: 'corpus:builtin:tiny:1/train-cla-0001', sigma: 0.35, tap: 'd3.1.resnet', seed: 7, window: 1 };
    const params = new URLSearchParams();
    for (const [k, x] of Object.entries(exploreViewParams(v))) if (x !== null) params.set(k, String(x));
    expect(parseExploreView(`?page=explore&${params}`)).toEqual(v);
  });

  it('falls back to defaults on malformed values', () => {
    expect(parseExploreView('?model=../etc&clip=nope&sigma=abc&tap=d1;drop&seed=-3&window=1.5')).toEqual({
      model: null, clip: 'demo', sigma: 0.2, tap: null, seed: 0, window: 0,
    });
    expect(parseExploreView('?sigma=7').sigma).toBe(1);
    expect(parseExploreView('?sigma=0.12345').sigma).toBe(0.123);
    for (const tap of ['d0.down', 'u3.up', 'level2', 'u2.0.cross_attention', 'd3.3.attention']) expect(parseExploreView(`?tap=${tap}`).tap).toBe(tap);
    expect(cleanSigma(-1)).toBe(0);
  });

  it('leaves defaults out of the link', () => {
    expect(exploreViewParams({ model: null, clip: 'demo', sigma: 0.2, tap: null, seed: 0, window: 0 })).toEqual({
      model: null, clip: null, sigma: 0.2, tap: null, seed: null, window: null,
    });
  });
});

describe('DDPM t', () => {
  it('matches unet/diffusion.ts both ways', () => {
    for (const s of [0, 0.01, 0.1, 0.2, 0.5, 0.77, 0.9, 0.99, 1]) expect(ddpmTOfSigma(s)).toBe(sigmaToDdpmT(s));
    for (const t of [0, 1, 100, 500, 999]) expect(sigmaOfDdpmT(t)).toBeCloseTo(ddpmTToSigma(t), 12);
  });
});

describe('heatmap pixels', () => {
  it('puts row 0 at the bottom and maps signed values symmetrically', () => {
    const img = heatImage(new Float32Array([-2, 0, 2, 1]), 2, 2, 'signed');
    expect([img.lo, img.hi]).toEqual([-2, 2]);
    // Bottom row (y = 1) holds row 0: -2 (blue end) and 0 (white).
    expect(Array.from(img.rgba.subarray(8, 12))).toEqual([0x2c, 0x5d, 0x9e, 255]);
    expect(img.rgba[12]).toBeGreaterThan(250);
    expect(heatRange(new Float32Array([-30, 0, -1]), 'mel')).toEqual([-30 > -Math.log(1e4) ? -30 : -Math.log(1e4), 0]);
  });
});

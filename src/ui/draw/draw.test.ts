import { describe, expect, it } from 'vitest';
import { VIRIDIS } from './colormap.ts';
import { melAxisPosition, timeTicks } from './mel-axis.ts';
import { LOG_RANGE_80DB, melToImage } from './mel-image.ts';
import { synthesiseDemo } from '../demo/demo-clip.ts';

describe('heatmap drawing', () => {
  it('puts the lowest band at the bottom and the peak at the top of the colour map', () => {
    const nMels = 4, frames = 3;
    const log = new Float32Array(nMels * frames).fill(-20);
    log[0 * frames + 1] = 0; // band 0 (lowest), frame 1: the peak
    const img = melToImage(log, nMels, frames);
    expect(img.vmax).toBe(0);
    expect(img.vmin).toBeCloseTo(-LOG_RANGE_80DB, 6);
    const bottomRow = (nMels - 1) * frames;
    const peak = Array.from(img.rgba.slice((bottomRow + 1) * 4, (bottomRow + 1) * 4 + 3));
    expect(peak).toEqual(Array.from(VIRIDIS.slice(255 * 3, 256 * 3)));
    expect(Array.from(img.rgba.slice(0, 3))).toEqual(Array.from(VIRIDIS.slice(0, 3)));
  });

  it('copes with a flat (silent) clip', () => {
    const img = melToImage(new Float32Array(8).fill(Math.log(1e-5)), 2, 4);
    expect(img.rgba.every((v, i) => (i % 4 === 3 ? v === 255 : Number.isFinite(v)))).toBe(true);
  });

  it('places mel ticks monotonically and picks round time ticks', () => {
    expect(melAxisPosition(0)).toBe(0);
    expect(melAxisPosition(8000)).toBeCloseTo(1, 9);
    expect(melAxisPosition(1000)).toBeGreaterThan(0.3);
    expect(timeTicks(4)).toEqual([0, 0.5, 1, 1.5, 2, 2.5, 3, 3.5, 4]);
    expect(timeTicks(10).at(-1)).toBe(10);
  });

  it('synthesises a 4 s stereo demo within full scale', () => {
    const [l, r] = synthesiseDemo(8000, 4);
    expect(l.length).toBe(32000);
    const peak = Math.max(...l.map(Math.abs), ...r.map(Math.abs));
    expect(peak).toBeGreaterThan(0.05);
    expect(peak).toBeLessThan(1);
  });
});

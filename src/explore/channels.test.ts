import { describe, expect, it } from 'vitest';
import { channelStrength, rankChannels, topChannelMaps } from './channels.ts';

describe('channel ranking', () => {
  // 2 × 3 positions, 4 channels (channels-last): channel c holds values of size ~ [1, 3, 0, 2][c], signs mixed.
  const height = 2, width = 3, C = 4;
  const size = [1, 3, 0, 2];
  const data = new Float32Array(height * width * C);
  for (let p = 0; p < height * width; p++) for (let c = 0; c < C; c++) data[p * C + c] = size[c] * (p % 2 ? -1 : 1) * (1 + p / 10);

  it('ranks by mean |activation|, ties by index', () => {
    const s = channelStrength(data, C);
    expect(s[2]).toBe(0);
    expect(rankChannels(s)).toEqual([1, 3, 0, 2]);
    expect(rankChannels(new Float32Array([1, 1, 2]))).toEqual([2, 0, 1]);
  });

  it('copies the top k channels out as row-major maps', () => {
    const m = topChannelMaps(data, height, width, C, 2);
    expect(Array.from(m.channels)).toEqual([1, 3]);
    expect(m.totalChannels).toBe(4);
    expect(m.data.length).toBe(2 * 6);
    for (let p = 0; p < 6; p++) {
      expect(m.data[p]).toBe(data[p * C + 1]);
      expect(m.data[6 + p]).toBe(data[p * C + 3]);
    }
    expect(m.strength[0]).toBeGreaterThan(m.strength[1]);
    expect(topChannelMaps(data, height, width, C, 10).channels.length).toBe(4);
  });
});

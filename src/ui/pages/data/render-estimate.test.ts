import { describe, expect, it } from 'vitest';
import { PRESET_INFO } from './presets.ts';
import { audioLeft, formatDuration, formatMB, renderSeconds, storedMB } from './render-estimate.ts';

describe('render estimates', () => {
  it('sizes match the corpus README (tiny 6 MB, small 112 MB)', () => {
    const [tiny, small] = PRESET_INFO;
    expect(storedMB(tiny.audioSeconds)).toBeCloseTo(6.1, 0);
    expect(Math.abs(storedMB(small.audioSeconds) - 112)).toBeLessThan(10);
  });
  it('states time in words and scales to what is left', () => {
    const small = PRESET_INFO[1];
    expect(formatDuration(renderSeconds(small.audioSeconds))).toBe('7 min');
    expect(formatDuration(renderSeconds(small.audioSeconds, 1))).toBe('60 min');
    expect(audioLeft(small, 975, 975)).toBe(0);
    expect(audioLeft(small, 975, 0)).toBe(small.audioSeconds);
    expect(formatMB(6.08)).toBe('6.1 MB');
    expect(formatDuration(20)).toBe('20 s');
  });
});

import { describe, expect, it } from 'vitest';
import { PRESET_INFO } from './presets.ts';
import { audioLeft, formatDuration, formatMB, renderSeconds, storedMB } from './render-estimate.ts';

describe('render estimates', () => {
  it('sizes match the corpus README (tiny 7.6 MB, small 140 MB with the multi-label set)', () => {
    const [tiny, small] = PRESET_INFO;
    expect(storedMB(tiny.audioSeconds)).toBeCloseTo(7.6, 0);
    expect(Math.abs(storedMB(small.audioSeconds) - 140)).toBeLessThan(10);
  });
  it('states time in words and scales to what is left', () => {
    const small = PRESET_INFO[1];
    expect(formatDuration(renderSeconds(small.audioSeconds))).toBe('9 min');
    expect(formatDuration(renderSeconds(small.audioSeconds, 1))).toBe('75 min');
    expect(audioLeft(small, 1095, 1095)).toBe(0);
    expect(audioLeft(small, 1095, 0)).toBe(small.audioSeconds);
    expect(formatMB(6.08)).toBe('6.1 MB');
    expect(formatDuration(20)).toBe('20 s');
  });
});

import { describe, expect, it } from 'vitest';
import { cellColour, formatSeconds, timeAxisTicks } from './timeline-data.ts';

describe('timeline axis and cells', () => {
  it('ticks are round and reach the end of the clip', () => {
    expect(timeAxisTicks(9.3795)).toEqual([0, 2, 4, 6, 8, 10]);
    expect(timeAxisTicks(2)).toEqual([0, 0.5, 1, 1.5, 2]);
  });
  it('prints seconds readably', () => {
    expect(formatSeconds(9.3795)).toBe('9.4');
    expect(formatSeconds(3.04)).toBe('3');
    expect(formatSeconds(1.52)).toBe('1.5');
  });
  it('low values still show', () => {
    expect(cellColour(0).background).not.toBe(cellColour(0.05).background);
    expect(cellColour(0.9).text).toBe('#fff');
  });
});

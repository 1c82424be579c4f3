import { describe, expect, it } from 'vitest';
import { aggregateByClip, aggregateWindows, slidingWindows } from './windows.ts';

describe('windows', () => {
  it('slides with a hop and adds a tail window ending at the clip end', () => {
    expect(slidingWindows(250, 50, 25).map((w) => w.start)).toEqual([0, 25, 50, 75, 100, 125, 150, 175, 200]);
    const w = slidingWindows(260, 50, 25);
    expect(w[w.length - 1]).toEqual({ start: 210, end: 260 });
    expect(w.length).toBe(10);
    expect(slidingWindows(30, 50, 25)).toEqual([{ start: 0, end: 50 }]);
    expect(() => slidingWindows(100, 0, 25)).toThrow(/window 0/);
  });

  it('averages windows then normalises by the top class', () => {
    expect(Array.from(aggregateWindows([[0.2, 0.4], [0.4, 0.8]]))).toEqual([0.5, 1]);
    expect(Array.from(aggregateWindows([[0.2, 0.4], [0.4, 0.8]], 'mean'))).toEqual(
      [Math.fround(0.3), Math.fround(0.6)]);
    expect(Array.from(aggregateWindows([[0, 0]]))).toEqual([0, 0]);
  });

  it('groups windows by clip in first-seen order', () => {
    const probs = Float32Array.from([0.5, 0.25, 0.1, 0.4, 0.5, 0.75]);
    const { clipIds, scores } = aggregateByClip(['x', 'y'], probs, ['c2', 'c1', 'c2']);
    expect(clipIds).toEqual(['c2', 'c1']);
    expect(Array.from(scores.rows[0])).toEqual([1, 1]);
    expect(Array.from(scores.rows[1])).toEqual([0.25, 1]);
    expect(() => aggregateByClip(['x', 'y'], probs, ['c1'])).toThrow(/6 values for 1 windows/);
  });
});

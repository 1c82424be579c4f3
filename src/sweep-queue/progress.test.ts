// The coordinator's progress line and time left.
import { describe, expect, it } from 'vitest';
import { duration, progressLine, timeLeft } from './progress.ts';

describe('queue progress', () => {
  it('estimates time left from the pace so far', () => {
    expect(timeLeft({ total: 10, done: 0, failed: 0 }, 0, 5)).toBeUndefined();
    expect(timeLeft({ total: 10, done: 4, failed: 1 }, 2, 60)).toBe(150);
  });

  it('prints counts, workers and time left', () => {
    const c = { total: 18, done: 4, running: 2, waiting: 12, failed: 1, workers: 2 };
    expect(progressLine('stage 1', c, 95)).toBe('stage 1: 4/18 done, 2 running, 12 waiting, 1 failed, 2 workers; about 1.6 min left');
    expect(progressLine('stage 1', { ...c, done: 0, failed: 0 }, undefined)).toContain('time left: after the first cell');
    expect(progressLine('stage 2', { total: 2, done: 2, running: 0, waiting: 0, failed: 0, workers: 1 }, 0)).toBe('stage 2: 2/2 done, 0 running, 0 waiting, 1 worker');
    expect(progressLine('stage 3', { total: 6, done: 3, running: 1, waiting: 2, failed: 0 }, 30)).toBe('stage 3: 3/6 done, 1 running, 2 waiting; about 30 s left');
    expect(duration(7200)).toBe('2.0 h');
  });
});

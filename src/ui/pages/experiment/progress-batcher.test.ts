import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { EpochReport } from '../../../probes/fit.ts';
import { progressBatcher } from './progress-batcher.ts';

const epoch = (n: number) => ({ epoch: n }) as EpochReport;

describe('progress batcher', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('hands over every epoch and the latest progress at most every interval', () => {
    const calls: [number[], string][] = [];
    const b = progressBatcher((e, p) => calls.push([e.map((x) => x.epoch), p.stage]), 200);
    for (let i = 1; i <= 50; i++) b.push({ stage: `s${i}`, done: i, total: 50, ...(i % 2 ? { epoch: epoch(i) } : {}) } as never);
    expect(calls).toEqual([]);
    vi.advanceTimersByTime(200);
    expect(calls).toHaveLength(1);
    expect(calls[0][0]).toHaveLength(25);
    expect(calls[0][1]).toBe('s50');
    b.push({ stage: 'last', done: 0, total: 0 });
    b.flush();
    expect(calls[1]).toEqual([[], 'last']);
    vi.advanceTimersByTime(1000);
    expect(calls).toHaveLength(2);
  });
});

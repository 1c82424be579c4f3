import { describe, expect, it } from 'vitest';
import { EarlyStop, checkEarlyStop } from './early-stop.ts';

describe('early stop on validation v-loss', () => {
  it('stops after `patience` validations without a relative improvement of minRelDelta', () => {
    const es = new EarlyStop({ patience: 2, minRelDelta: 0.01 });
    expect(es.observe(1.0, 10)).toBe('improved');
    expect(es.observe(0.995, 20)).toBe('not-improved'); // 0.5 % better: not enough
    expect(es.observe(0.98, 30)).toBe('improved'); // 2 % better than 1.0
    expect(es.observe(0.979, 40)).toBe('not-improved');
    expect(es.observe(1.2, 50)).toBe('stop');
    expect(es.state).toEqual({ bestVLoss: 0.98, bestStep: 30, sinceBest: 2 });
    expect(es.stopped).toBe(true);
  });
  it('continues from a restored state exactly', () => {
    const a = new EarlyStop({ patience: 3, minRelDelta: 0 });
    a.observe(1, 1);
    a.observe(2, 2);
    const b = new EarlyStop({ patience: 3, minRelDelta: 0 }, JSON.parse(JSON.stringify(a.state)));
    expect([a.observe(3, 3), a.observe(4, 4)]).toEqual([b.observe(3, 3), b.observe(4, 4)]);
  });
  it('rejects bad options with a clear message', () => {
    expect(() => checkEarlyStop({ patience: 0, minRelDelta: 0 })).toThrow(/--patience/);
    expect(() => checkEarlyStop({ patience: 2, minRelDelta: 1.5 })).toThrow(/--min-delta/);
  });
});

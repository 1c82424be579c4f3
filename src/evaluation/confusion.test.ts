import { describe, expect, it } from 'vitest';
import { multiLabelConfusion } from './confusion.ts';
import { labelSet } from './labels.ts';

describe('multiLabelConfusion', () => {
  it('counts, per true class, each predicted class and the clips with no prediction', () => {
    const classes = ['a', 'b', 'c'];
    // labels {a} {a,b} {b} {c}; predictions {a,b} {a} {} {a}
    const labels = labelSet('test', classes, [['a'], ['a', 'b'], ['b'], ['c']]);
    const preds = { classes, rows: [[1, 1, 0], [1, 0, 0], [0, 0, 0], [1, 0, 0]].map((r) => Uint8Array.from(r)) };
    const m = multiLabelConfusion(preds, labels);
    expect(m.counts).toEqual([[2, 1, 0], [1, 0, 0], [1, 0, 0]]);
    expect(m.none).toEqual([0, 1, 0]);
    expect(m.support).toEqual([2, 2, 1]);
    expect(() => multiLabelConfusion({ classes, rows: [] }, labels)).toThrow(/0 clips of scores but 4/);
  });
});

import { describe, expect, it } from 'vitest';
import type { FolderScore } from '../../../recognition/score-folder.ts';
import { confusionView, summaryRow } from './folder-score-data.ts';

describe('labelled-folder tables', () => {
  it('the confusion table keeps the classes in play and the "none" column', () => {
    const v = confusionView({
      classes: ['cel', 'flu', 'pia', 'voi'],
      counts: [[1, 0, 1, 0], [0, 0, 0, 0], [0, 0, 2, 0], [0, 0, 0, 0]],
      none: [0, 0, 1, 0],
      support: [1, 0, 3, 0],
    });
    expect(v.columns).toEqual(['cel', 'pia']);
    expect(v.rows).toEqual([{ code: 'cel', support: 1, counts: [1, 1], none: 0 }, { code: 'pia', support: 3, counts: [0, 2], none: 1 }]);
  });

  it('the summary row counts missing files as skipped and says whether it was calibrated', () => {
    const s = { report: { micro: { f1: 0.5 }, macro: { f1: 0.25 } }, files: [{}, {}], skipped: [{}], notSure: 1, ece: { raw: 0.2134, calibrated: null } } as unknown as FolderScore;
    expect(summaryRow(s, 2)).toEqual({ micro: 0.5, macro: 0.25, scored: 2, skipped: 3, notSure: 1, ece: '0.213 raw (no calibration)' });
    expect(summaryRow({ ...s, ece: { ...s.ece, calibrated: 0.05 } }).ece).toBe('0.213 raw, 0.050 calibrated');
  });
});

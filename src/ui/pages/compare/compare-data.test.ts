import { describe, expect, it } from 'vitest';
import type { MetricsReport } from '../../../evaluation/types.ts';
import type { Provenance } from '../../../compute/messages/lab-common.ts';
import { classF1Rows, referenceLabel, seriesKey, summaryRows, type CompareSeries } from './compare-data.ts';

const rep = (f1s: Record<string, number | null>, micro: number): MetricsReport => ({
  split: 'test', clips: 3,
  classes: Object.entries(f1s).map(([code, f1]) => ({ code, tp: 0, fp: 0, fn: 0, support: 1, precision: 0, recall: 0, f1 })),
  micro: { precision: 0, recall: 0, f1: micro }, macro: { precision: 0, recall: 0, f1: micro / 2, classesAveraged: 2 },
});
const prov = (isIrmas: boolean) => ({ isIrmas } as Provenance);

describe('compare data', () => {
  const series: CompareSeries[] = [
    { key: 'a', name: 'MLP', report: rep({ vio: 0.5, cel: null }, 0.4), provenance: prov(false) },
    { key: 'b', name: 'Han CNN', report: rep({ vio: 0.7, cel: 0.2 }, 0.6), provenance: prov(false) },
  ];

  it('puts each class in a row with every system', () => {
    expect(classF1Rows(series)).toEqual([{ code: 'vio', a: 0.5, b: 0.7 }, { code: 'cel', a: null, b: 0.2 }]);
    expect(summaryRows(series).map((s) => [s.name, s.micro, s.macro])).toEqual([['MLP', 0.4, 0.2], ['Han CNN', 0.6, 0.3]]);
  });

  it('labels the published figures as IRMAS figures unless the data is IRMAS', () => {
    expect(referenceLabel(series)).toContain('this data is not IRMAS');
    expect(referenceLabel(series.map((s) => ({ ...s, provenance: prov(true) })))).toBe('Han et al. (2017), published');
    expect(seriesKey('probe:abc/def', 2)).toBe('s2-probe-abc-def');
  });
});

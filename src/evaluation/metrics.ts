// Class-wise precision, recall and F1, micro and macro F1, for multi-label clip decisions.
// Conventions (documented in README.md of this folder):
//  - precision = TP/(TP+FP), 0 when nothing was predicted; recall = TP/(TP+FN), 0 when the
//    class has no labelled clips; F1 = 2TP/(2TP+FP+FN).
//  - A class that is neither labelled nor predicted in any clip has F1 = null (undefined) and
//    is left out of the macro average; a class with no labelled clips but false positives
//    has F1 = 0 and counts.
//  - micro sums TP/FP/FN over all classes; macro is the unweighted mean over classes.
import { checkSameClasses, checkSameClipCount } from './labels.ts';
import type { ClassMetrics, LabelSet, MetricsReport, Predictions, Split } from './types.ts';

export function classWiseMetrics<S extends Split>(predictions: Predictions, labels: LabelSet<S>): MetricsReport {
  checkSameClasses(predictions.classes, labels.classes, 'metrics');
  checkSameClipCount(predictions.rows.length, labels.rows.length, 'metrics');
  const k = labels.classes.length;
  const tp = new Array<number>(k).fill(0);
  const fp = new Array<number>(k).fill(0);
  const fn = new Array<number>(k).fill(0);
  for (let r = 0; r < labels.rows.length; r++) {
    const p = predictions.rows[r];
    const y = labels.rows[r];
    for (let c = 0; c < k; c++) {
      if (p[c] && y[c]) tp[c]++;
      else if (p[c]) fp[c]++;
      else if (y[c]) fn[c]++;
    }
  }
  const classes: ClassMetrics[] = labels.classes.map((code, c) => ({
    code,
    tp: tp[c],
    fp: fp[c],
    fn: fn[c],
    support: tp[c] + fn[c],
    precision: ratio(tp[c], tp[c] + fp[c]),
    recall: ratio(tp[c], tp[c] + fn[c]),
    f1: tp[c] + fp[c] + fn[c] === 0 ? null : (2 * tp[c]) / (2 * tp[c] + fp[c] + fn[c]),
  }));
  const sTp = sum(tp);
  const sFp = sum(fp);
  const sFn = sum(fn);
  const defined = classes.filter((m) => m.f1 !== null);
  const mean = (xs: number[]) => (xs.length === 0 ? 0 : sum(xs) / xs.length);
  return {
    split: labels.split,
    clips: labels.rows.length,
    classes,
    micro: {
      precision: ratio(sTp, sTp + sFp),
      recall: ratio(sTp, sTp + sFn),
      f1: ratio(2 * sTp, 2 * sTp + sFp + sFn),
    },
    macro: {
      precision: mean(defined.map((m) => m.precision)),
      recall: mean(defined.map((m) => m.recall)),
      f1: mean(defined.map((m) => m.f1 as number)),
      classesAveraged: defined.length,
    },
  };
}

function ratio(a: number, b: number): number {
  return b === 0 ? 0 : a / b;
}

function sum(xs: readonly number[]): number {
  let s = 0;
  for (const x of xs) s += x;
  return s;
}

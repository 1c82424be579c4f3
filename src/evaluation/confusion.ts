// A confusion table for multi-label decisions: for the clips labelled with each true class
// (rows), how many times each class was predicted (columns), plus how many of them got no
// prediction at all. The diagonal is the class's true positives; a clip labelled with two
// classes counts in both rows. Single-label data gives the usual confusion matrix (plus "none").
import { checkSameClasses, checkSameClipCount } from './labels.ts';
import type { LabelSet, Predictions, Split } from './types.ts';

export interface Confusion {
  classes: readonly string[];
  /** counts[t][p]: clips labelled with classes[t] in which classes[p] was predicted. */
  counts: number[][];
  /** none[t]: clips labelled with classes[t] in which nothing was predicted. */
  none: number[];
  /** support[t]: clips labelled with classes[t]. */
  support: number[];
}

export function multiLabelConfusion<S extends Split>(predictions: Predictions, labels: LabelSet<S>): Confusion {
  checkSameClasses(predictions.classes, labels.classes, 'confusion');
  checkSameClipCount(predictions.rows.length, labels.rows.length, 'confusion');
  const k = labels.classes.length;
  const counts = Array.from({ length: k }, () => new Array<number>(k).fill(0));
  const none = new Array<number>(k).fill(0);
  const support = new Array<number>(k).fill(0);
  labels.rows.forEach((y, r) => {
    const p = predictions.rows[r];
    const empty = !p.some((v) => v === 1);
    for (let t = 0; t < k; t++) {
      if (!y[t]) continue;
      support[t]++;
      if (empty) none[t]++;
      for (let c = 0; c < k; c++) if (p[c]) counts[t][c]++;
    }
  });
  return { classes: [...labels.classes], counts, none, support };
}

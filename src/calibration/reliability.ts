// Reliability of probabilities over (clip, class) pairs: equal-width bins of the predicted
// probability (default 10 over [0, 1]; p = 1 falls in the last bin), each with its count, mean
// prediction and share of positives, and the expected calibration error
// ECE = sum over bins of (count / N) * |mean prediction - share of positives|.
import { check } from '../common/errors.ts';
import type { Reliability, ReliabilityBin } from './types.ts';

export const DEFAULT_BINS = 10;

/** Reliability of the pairs (probs[r][c], labels[r][c]) over every clip r and class c. */
export function reliability(probs: readonly ArrayLike<number>[], labels: readonly ArrayLike<number>[], nBins = DEFAULT_BINS): Reliability {
  check(Number.isInteger(nBins) && nBins > 0, `reliability: ${nBins} bins`);
  check(probs.length === labels.length, () => `reliability: ${probs.length} rows of probabilities but ${labels.length} of labels`);
  const count = new Array<number>(nBins).fill(0);
  const sumP = new Array<number>(nBins).fill(0);
  const sumY = new Array<number>(nBins).fill(0);
  let pairs = 0;
  probs.forEach((row, r) => {
    check(row.length === labels[r].length, () => `reliability: row ${r} has ${row.length} probabilities and ${labels[r].length} labels`);
    for (let c = 0; c < row.length; c++) {
      const p = row[c];
      check(Number.isFinite(p) && p >= 0 && p <= 1, () => `reliability: probability [${r}, ${c}] is ${p}, outside [0, 1]`);
      const k = Math.min(nBins - 1, Math.floor(p * nBins));
      count[k]++;
      sumP[k] += p;
      sumY[k] += labels[r][c] ? 1 : 0;
      pairs++;
    }
  });
  const bins: ReliabilityBin[] = count.map((n, k) => ({
    lower: round(k / nBins),
    upper: round((k + 1) / nBins),
    count: n,
    meanPredicted: n ? sumP[k] / n : null,
    fractionPositive: n ? sumY[k] / n : null,
  }));
  let ece = 0;
  for (const bin of bins) if (bin.count) ece += (bin.count / pairs) * Math.abs(bin.meanPredicted! - bin.fractionPositive!);
  return { ece, pairs, bins };
}

function round(x: number): number {
  return Math.round(x * 1e6) / 1e6;
}

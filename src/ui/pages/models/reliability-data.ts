// Points of a reliability diagram from calibration.json's bins: one per non-empty bin at (mean
// predicted probability, share of positives), with its count; and the per-class rows of the
// calibration (mapping, threshold, validation F1) for the table beside it.
import type { Calibration, ReliabilityBin } from '../../../calibration/types.ts';

export interface ReliabilityPoint {
  x: number;
  y: number;
  count: number;
  /** "0.1-0.2" */
  bin: string;
}

export function reliabilityPoints(bins: readonly ReliabilityBin[]): ReliabilityPoint[] {
  return bins
    .filter((b) => b.count > 0 && b.meanPredicted !== null && b.fractionPositive !== null)
    .map((b) => ({ x: round(b.meanPredicted!), y: round(b.fractionPositive!), count: b.count, bin: `${b.lower}-${b.upper}` }));
}

/** One sentence: on what the calibration was fitted and its ECE before and after (in-sample). */
export function calibrationSentence(cal: Calibration): string {
  const f = cal.fittedOn;
  return `Fitted on ${f.name} (${f.clips} ${f.split} clips${f.skipped ? `, ${f.skipped} unreadable left out` : ''}; content id ${f.contentId}). ` +
    `Calibration error (ECE, ${cal.ece.bins} bins over ${cal.ece.pairs} clip-class pairs): ${cal.ece.before.toFixed(3)} raw, ${cal.ece.after.toFixed(3)} calibrated, ` +
    'measured on that same set, so the calibrated figure is optimistic.';
}

function round(x: number): number {
  return Math.round(x * 1e4) / 1e4;
}

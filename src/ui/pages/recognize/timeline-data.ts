// Timeline rows for the chart: one row per window at its midpoint (seconds), a probability per
// class; the classes drawn are the predicted ones, or the three most probable when none is.
import type { RecognitionResult } from '../../../features/recognize.ts';

export function timelineRows(r: RecognitionResult): { t: number; start: number; end: number; [code: string]: number }[] {
  return r.windows.map((w) => ({ t: Math.round(((w.start + w.end) / 2) * 100) / 100, start: w.start, end: w.end, ...w.probabilities }));
}

export function timelineClasses(r: RecognitionResult): string[] {
  const predicted = r.instruments.filter((i) => i.predicted).map((i) => i.code);
  if (predicted.length > 0) return predicted;
  return [...r.instruments].sort((a, b) => b.probability - a.probability).slice(0, 3).map((i) => i.code);
}

// Timeline data for the chart and grid: one row per window at its midpoint (seconds), a
// probability per class; the classes drawn (the named ones, or the three most probable when none
// is); round axis ticks; readable seconds; a cell colour on which low values still show.
import type { RecognitionResult } from '../../../features/recognize.ts';
import { timeTicks } from '../../draw/mel-axis.ts';

export function timelineRows(r: RecognitionResult): { t: number; start: number; end: number; [code: string]: number }[] {
  return r.windows.map((w) => ({ t: Math.round(((w.start + w.end) / 2) * 100) / 100, start: w.start, end: w.end, ...w.probabilities }));
}

export function timelineClasses(r: RecognitionResult): string[] {
  const predicted = r.instruments.filter((i) => i.predicted).map((i) => i.code);
  if (predicted.length > 0) return predicted;
  return [...r.instruments].sort((a, b) => b.probability - a.probability).slice(0, 3).map((i) => i.code);
}

/** Round ticks covering [0, duration], the last one at or past the end. */
export function timeAxisTicks(durationSec: number): number[] {
  const ticks = timeTicks(durationSec, 6);
  const step = ticks.length > 1 ? ticks[1] - ticks[0] : Math.max(1, Math.ceil(durationSec));
  const last = ticks[ticks.length - 1];
  if (last < durationSec - 1e-9) ticks.push(Number((last + step).toFixed(3)));
  return ticks;
}

/** Seconds with at most one decimal, no trailing zero: 9.3795 -> "9.4", 2 -> "2". */
export function formatSeconds(s: number): string {
  return String(Math.round(s * 10) / 10);
}

/** Background and text colour of a grid cell: a floor so 0.05 differs from 0, white text on dark cells. */
export function cellColour(p: number): { background: string; text: string } {
  const a = 0.06 + 0.94 * Math.max(0, Math.min(1, p));
  return { background: `rgba(47, 93, 138, ${a.toFixed(3)})`, text: a > 0.55 ? '#fff' : '#1d2230' };
}

// The paper's Figure 2 as chart rows, from a sweep's (possibly partial) results: test micro F1
// of the subject model and of its random-init control (a) against sigma at the stage-1 tap,
// (b) per stage-2 tap at the chosen sigma, (c) per head at the chosen (sigma, tap); plus the
// Han CNN's figure for a reference line. Missing cells are null (the chart leaves a gap).
import type { CellResult, SweepResults } from '../../../sweep/types.ts';

export type Metric = 'micro' | 'macro';

export interface SweepRow {
  label: string;
  subject: number | null;
  control: number | null;
  /** Validation micro F1 of the subject (what the stage chooses by). */
  validation: number | null;
  chosen: boolean;
}

function f1(c: CellResult | undefined, metric: Metric): number | null {
  return c ? c.test[metric].f1 : null;
}

function byId(results: SweepResults): Map<string, CellResult> {
  return new Map(results.cells.map((c) => [c.id, c]));
}

function row(cells: Map<string, CellResult>, label: string, key: (role: string) => string, metric: Metric, chosen: boolean): SweepRow {
  const s = cells.get(key('subject'));
  return { label, subject: f1(s, metric), control: f1(cells.get(key('control')), metric), validation: s ? s.validation.microF1 : null, chosen };
}

/** (a) F1 vs sigma, MLP at the stage-1 tap, sigmas ascending (those planned and those done). */
export function sigmaRows(results: SweepResults, metric: Metric = 'micro'): SweepRow[] {
  const cells = byId(results);
  const done = results.cells.filter((c) => c.kind === 'probe' && c.head === 'mlp' && c.tap === results.stage1Tap).map((c) => c.sigma!);
  const sigmas = [...new Set([...results.settings.sigmas, ...done])].sort((a, b) => a - b);
  return sigmas.map((sigma) => row(cells, String(sigma), (role) => `${role}|${sigma}|${results.stage1Tap}|mlp`, metric, results.choices.sigma?.value === sigma));
}

/** (b) F1 per tap (MLP) at the chosen sigma, in the U-Net's order; empty until stage 1 has chosen. */
export function tapRows(results: SweepResults, metric: Metric = 'micro'): SweepRow[] {
  const sigma = results.choices.sigma?.value;
  if (sigma === undefined) return [];
  const cells = byId(results);
  return results.stage2Taps.map((tap) => row(cells, tap, (role) => `${role}|${sigma}|${tap}|mlp`, metric, results.choices.tap?.value === tap));
}

/** (c) F1 per head at the chosen (sigma, tap). */
export function headRows(results: SweepResults, metric: Metric = 'micro'): SweepRow[] {
  const sigma = results.choices.sigma?.value;
  const tap = results.choices.tap?.value;
  if (sigma === undefined || tap === undefined) return [];
  const cells = byId(results);
  return results.settings.heads.map((head) => row(cells, head, (role) => `${role}|${sigma}|${tap}|${head}`, metric, results.choices.head?.value === head));
}

/** The Han CNN cell's test F1, if the sweep has one. */
export function baselineF1(results: SweepResults, metric: Metric = 'micro'): number | null {
  const b = results.cells.find((c) => c.kind === 'baseline');
  return b ? b.test[metric].f1 : null;
}

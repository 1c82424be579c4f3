// Results as CSV: class-wise metrics of one or more systems, a sweep's cells, a recognition's
// timeline. Provenance goes first as "# " comment lines, so a file says what made it.
import type { MetricsReport } from '../../../evaluation/types.ts';
import type { Provenance } from '../../../compute/messages/lab-common.ts';
import type { RecognitionScores } from '../../../features/recognize.ts';
import type { SweepResults } from '../../../sweep/types.ts';
import { provenanceLine } from './provenance.ts';

export type CsvValue = string | number | null | undefined;

function cell(v: CsvValue): string {
  if (v === null || v === undefined) return '';
  const s = typeof v === 'number' ? (Number.isFinite(v) ? String(Math.round(v * 1e6) / 1e6) : '') : v;
  return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export function toCsv(rows: readonly (readonly CsvValue[])[], comments: readonly string[] = []): string {
  return [...comments.map((c) => `# ${c.replace(/[\r\n]+/g, ' ')}`), ...rows.map((r) => r.map(cell).join(','))].join('\n') + '\n';
}

export interface NamedReport {
  name: string;
  report: MetricsReport;
  provenance?: Provenance;
}

/** One row per system and class (precision, recall, F1, support), then its micro and macro rows. */
export function metricsCsv(series: readonly NamedReport[]): string {
  const rows: CsvValue[][] = [['system', 'class', 'precision', 'recall', 'f1', 'support', 'tp', 'fp', 'fn']];
  for (const s of series) {
    for (const c of s.report.classes) rows.push([s.name, c.code, c.precision, c.recall, c.f1, c.support, c.tp, c.fp, c.fn]);
    rows.push([s.name, 'micro', s.report.micro.precision, s.report.micro.recall, s.report.micro.f1, null, null, null, null]);
    rows.push([s.name, 'macro', s.report.macro.precision, s.report.macro.recall, s.report.macro.f1, null, null, null, null]);
  }
  const comments = series.filter((s) => s.provenance).map((s) => `${s.name}: ${provenanceLine(s.provenance!)}`);
  return toCsv(rows, [`clip-level scores on the ${series[0]?.report.split ?? 'test'} split, thresholds chosen on validation`, ...comments]);
}

/** Every cell of a sweep: where it sits, its scores and how it was made. */
export function sweepCsv(results: SweepResults): string {
  const rows: CsvValue[][] = [['id', 'kind', 'role', 'model', 'sigma', 'tap', 'head', 'parameters', 'val_micro_f1', 'val_macro_f1',
    'test_micro_f1', 'test_macro_f1', 'epochs', 'best_epoch', 'backend', 'seconds', 'finished_at']];
  for (const c of results.cells) {
    rows.push([c.id, c.kind, c.role, c.model, c.sigma, c.tap, c.head, c.parameters, c.validation.microF1, c.validation.macroF1,
      c.test.micro.f1, c.test.macro.f1, c.training.epochs, c.training.bestEpoch, c.backend, c.seconds.total, c.finishedAt]);
  }
  return toCsv(rows, [
    `sweep of ${results.subject.id} (control ${results.control?.id ?? 'none'}) on ${results.corpus.id}`,
    `noise seed ${results.settings.noiseSeed}, probe seed ${results.settings.probeSeed}, backend ${results.backend}, wall ${Math.round(results.wallSeconds)} s`,
  ]);
}

/** One row per window (start, end, a probability per class), then the clip's row. */
export function recognitionCsv(r: RecognitionScores, fileName: string): string {
  const codes = r.instruments.map((i) => i.code);
  const rows: CsvValue[][] = [['start_s', 'end_s', ...codes]];
  for (const w of r.windows) rows.push([w.start, w.end, ...codes.map((c) => w.probabilities[c])]);
  rows.push(['clip', 'clip', ...r.instruments.map((i) => i.probability)]);
  const predicted = r.instruments.filter((i) => i.predicted).map((i) => i.code).join(' ');
  return toCsv(rows, [`${fileName}: model ${r.model}, probe ${r.probe}`, `predicted: ${predicted || 'none'}`]);
}

// What `diffpir score` prints and writes: the text report (summary, decisions scored = what
// `recognize` names, class table, confusion table), one CSV table (a row per class with P/R/F1 and its confusion row, then micro and
// macro), and the JSON (everything, with a row per file).
import { UNCALIBRATED_MIN_PROBABILITY } from '../features/confidence.ts';
import type { SourceScore } from '../recognition/score-by-source.ts';
import type { FolderScore } from '../recognition/score-folder.ts';

const f3 = (x: number | null) => (x === null ? '  n/a' : x.toFixed(3));

export function formatScoreText(folder: string, layout: string, s: FolderScore): string {
  const rep = s.report;
  const lines = [
    `${folder} (${layout}): ${rep.clips} files scored${s.skipped.length ? `, ${s.skipped.length} skipped (unreadable)` : ''}; recognizer ${s.recognizer}; ` +
      (s.decision === 'calibrated'
        ? 'decisions: calibrated probability >= the class threshold (calibration.json)'
        : `decisions: the model's own rule and raw probability >= ${UNCALIBRATED_MIN_PROBABILITY.toFixed(2)} (no calibration)`),
    `micro F1 ${f3(rep.micro.f1)} (P ${f3(rep.micro.precision)}, R ${f3(rep.micro.recall)}); macro F1 ${f3(rep.macro.f1)} (over ${rep.macro.classesAveraged} classes)`,
    `not sure (no instrument recognized with confidence): ${s.notSure} of ${rep.clips} files`,
    `ECE (${s.ece.bins} bins, ${s.ece.pairs} file-class pairs): raw ${s.ece.raw.toFixed(3)}${s.ece.calibrated === null ? '' : `, calibrated ${s.ece.calibrated.toFixed(3)}`}`,
    '', 'class  files  precision  recall     F1',
    ...rep.classes.map((c) => `${c.code.padEnd(5)}  ${String(c.support).padStart(5)}  ${f3(c.precision).padStart(9)}  ${f3(c.recall).padStart(6)}  ${f3(c.f1).padStart(5)}`),
    '', 'Confusion: rows = true class (files labelled with it), columns = how often each class was predicted in them; none = nothing predicted',
  ];
  const codes = s.confusion.classes;
  const w = Math.max(4, ...s.confusion.counts.flat().map((n) => String(n).length));
  lines.push(`${'true'.padEnd(5)}  files  ${codes.map((c) => c.padStart(w)).join(' ')}  ${'none'.padStart(w)}`);
  s.confusion.counts.forEach((row, t) => {
    if (s.confusion.support[t] === 0) return;
    lines.push(`${codes[t].padEnd(5)}  ${String(s.confusion.support[t]).padStart(5)}  ${row.map((n) => String(n).padStart(w)).join(' ')}  ${String(s.confusion.none[t]).padStart(w)}`);
  });
  return lines.join('\n');
}

const csvCell = (v: string | number | null) => (v === null ? '' : typeof v === 'number' ? String(Math.round(v * 1e6) / 1e6) : /[",\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);

export function scoreCsv(s: FolderScore): string {
  const codes = s.confusion.classes;
  const header = ['class', 'files', 'tp', 'fp', 'fn', 'precision', 'recall', 'f1', ...codes.map((c) => `predicted_${c}`), 'predicted_none'];
  const rows: (string | number | null)[][] = s.report.classes.map((c, t) => [
    c.code, c.support, c.tp, c.fp, c.fn, c.precision, c.recall, c.f1, ...s.confusion.counts[t], s.confusion.none[t],
  ]);
  const blank = new Array<null>(codes.length + 1).fill(null);
  const m = s.report.micro;
  const M = s.report.macro;
  rows.push(['micro', s.report.clips, null, null, null, m.precision, m.recall, m.f1, ...blank]);
  rows.push(['macro', s.report.clips, null, null, null, M.precision, M.recall, M.f1, ...blank]);
  return [header, ...rows].map((r) => r.map(csvCell).join(',')).join('\n') + '\n';
}

export function scoreJson(folder: { name: string; layout: string; split: string | null; contentId: string }, s: FolderScore): object {
  return {
    format: 'diffpir-score', version: 1,
    folder, recognizer: s.recognizer, decision: s.decision, classes: s.classes,
    files: s.report.clips, skipped: s.skipped, notSure: s.notSure, ece: s.ece,
    micro: s.report.micro, macro: s.report.macro, perClass: s.report.classes,
    confusion: s.confusion, results: s.files,
  };
}

/** The per-source table of `score --by source`: files, micro and macro F1, and the class-wise F1 of the classes present. */
export function formatBySourceText(rows: readonly SourceScore[]): string {
  const w = Math.max(6, ...rows.map((r) => r.source.length));
  return [
    'By source (the files each source plays in; a file of several sources counts under each):',
    `${'source'.padEnd(w)}  files  micro F1  macro F1  class F1 (files)`,
    ...rows.map(({ source, files, report: r }) =>
      `${source.padEnd(w)}  ${String(files).padStart(5)}  ${f3(r.micro.f1).padStart(8)}  ${f3(r.macro.f1).padStart(8)}  ` +
      r.classes.filter((c) => c.support > 0).map((c) => `${c.code} ${f3(c.f1).trim()} (${c.support})`).join(', ')),
  ].join('\n');
}

// Rows of the labelled-folder tables: one summary row per model (micro/macro F1, files scored and
// skipped, "not sure" answers, calibration error), and the confusion table's rows (true classes
// present in the folder) with the predicted columns that are ever used, plus "none".
import type { Confusion } from '../../../evaluation/confusion.ts';
import type { FolderScore } from '../../../recognition/score-folder.ts';

export interface SummaryRow {
  micro: number;
  macro: number;
  scored: number;
  skipped: number;
  notSure: number;
  /** "0.213 raw, 0.061 calibrated" or "0.213 raw (no calibration)". */
  ece: string;
}

export function summaryRow(s: FolderScore, missing = 0): SummaryRow {
  return {
    micro: s.report.micro.f1, macro: s.report.macro.f1, scored: s.files.length, skipped: s.skipped.length + missing, notSure: s.notSure,
    ece: s.ece.calibrated === null ? `${s.ece.raw.toFixed(3)} raw (no calibration)` : `${s.ece.raw.toFixed(3)} raw, ${s.ece.calibrated.toFixed(3)} calibrated`,
  };
}

export interface ConfusionView {
  /** Predicted classes shown as columns: every class with a label or a prediction in the folder. */
  columns: string[];
  rows: { code: string; support: number; counts: number[]; none: number }[];
}

export function confusionView(c: Confusion): ConfusionView {
  const k = c.classes.length;
  const used = c.classes.filter((_, p) => c.support[p] > 0 || c.counts.some((row) => row[p] > 0));
  const idx = used.map((code) => c.classes.indexOf(code));
  const rows = [];
  for (let t = 0; t < k; t++) {
    if (c.support[t] === 0) continue;
    rows.push({ code: c.classes[t], support: c.support[t], counts: idx.map((p) => c.counts[t][p]), none: c.none[t] });
  }
  return { columns: used, rows };
}

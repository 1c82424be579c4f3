// Figure 3 style data: class-wise test F1 of chosen systems side by side (one row per class,
// one key per system), their micro/macro F1, and Han et al.'s published IRMAS figures as
// reference lines, labelled as IRMAS figures unless every system was scored on IRMAS.
import type { Provenance } from '../../../compute/messages/lab-common.ts';
import type { MetricsReport } from '../../../evaluation/types.ts';

/** Han et al. (2017) on the IRMAS test set. */
export const HAN_IRMAS = { micro: 0.602, macro: 0.503 } as const;

export interface CompareSeries {
  /** Chart key (letters, digits, dashes). */
  key: string;
  name: string;
  report: MetricsReport;
  provenance: Provenance;
}

export type ClassRow = { code: string } & Record<string, number | string | null>;

/** One row per class (in the first system's order), each system's F1 under its key (null: undefined F1). */
export function classF1Rows(series: readonly CompareSeries[]): ClassRow[] {
  const codes: string[] = [];
  for (const s of series) for (const c of s.report.classes) if (!codes.includes(c.code)) codes.push(c.code);
  return codes.map((code) => {
    const row: ClassRow = { code };
    for (const s of series) row[s.key] = s.report.classes.find((c) => c.code === code)?.f1 ?? null;
    return row;
  });
}

export function summaryRows(series: readonly CompareSeries[]): { key: string; name: string; micro: number; macro: number; clips: number }[] {
  return series.map((s) => ({ key: s.key, name: s.name, micro: s.report.micro.f1, macro: s.report.macro.f1, clips: s.report.clips }));
}

/** The reference lines' label: plain when the data is IRMAS, otherwise says the figures are IRMAS's. */
export function referenceLabel(series: readonly CompareSeries[]): string {
  const irmas = series.length > 0 && series.every((s) => s.provenance.isIrmas);
  return irmas ? 'Han et al. (2017), published' : 'Han et al. (2017) on IRMAS (published; this data is not IRMAS)';
}

/** A chart key from any id. */
export function seriesKey(id: string, index: number): string {
  return `s${index}-${id.replace(/[^A-Za-z0-9]+/g, '-').slice(0, 24)}`;
}

// The paper's claims (claims.ts) as Markdown: one section per results file, then the answers across
// files, each a question, its verdict, the numbers behind it and the table it was read from.
import type { ClaimAnswer, ClaimsReport } from './claims.ts';

function mdTable(t: NonNullable<ClaimAnswer['table']>): string {
  const line = (cells: string[]) => `| ${cells.join(' | ')} |`;
  return [line(t.header), line(t.header.map(() => '---')), ...t.rows.map(line)].join('\n');
}

function answer(a: ClaimAnswer): string {
  const parts = [`**${a.question}** ${a.verdict.toUpperCase()}. ${a.because}`];
  if (a.table && a.table.rows.length) parts.push('', mdTable(a.table));
  return parts.join('\n');
}

export function formatClaims(report: ClaimsReport): string {
  const out: string[] = [
    `Micro F1, clip level, at each sweep's validation thresholds. A choice (noise, layer, head) is judged on validation and checked on test and the outside sets; a result on test, checked on the outside sets; "mixed" when a check points the other way by more than ${report.margin}; "tie" within ${report.margin}. * marks the sweep's choice. One probe seed per file.`,
  ];
  for (const f of report.files) {
    out.push('', `## ${f.label}: ${f.subject} (probes trained ${f.multiLabelProbes ? 'with' : 'without'} the multi-label clips)`);
    for (const a of f.answers) out.push('', answer(a));
  }
  if (report.across.length) {
    out.push('', '## Across the files');
    for (const a of report.across) out.push('', answer(a));
  }
  return out.join('\n');
}

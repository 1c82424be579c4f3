// Plain-text tables of a sweep's results (printed by the CLI at the end, and usable by any
// exporter): F1 vs sigma, per tap, per head, subject next to its random-init control, the Han
// CNN alongside, class-wise F1 of the best probe vs the Han CNN, and the wall time.
import { cellId } from './plan.ts';
import type { CellKey, CellResult, ModelRole, SweepResults } from './types.ts';
import type { HeadKind } from '../probes/heads/index.ts';

const f3 = (x: number | null | undefined) => (x === null || x === undefined || !Number.isFinite(x) ? '  -  ' : x.toFixed(3));

function table(header: string[], rows: string[][]): string {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const line = (r: string[]) => r.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join('  ');
  return [line(header), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)].join('\n');
}

function duration(s: number): string {
  if (s < 90) return `${s.toFixed(0)} s`;
  if (s < 5400) return `${(s / 60).toFixed(1)} min`;
  return `${(s / 3600).toFixed(2)} h`;
}

/** The outside sets' names (--also-score) in the order the cells have them. */
export function outsideNames(results: SweepResults): string[] {
  return [...new Set(results.cells.flatMap((c) => Object.keys(c.outside ?? {})))];
}

/** Extra column heads per outside set: "o1 micro" (subject) and "o1 ctrl" (control), micro F1. */
function outsideHead(results: SweepResults): string[] {
  return outsideNames(results).flatMap((_, i) => [`o${i + 1} micro`, `o${i + 1} ctrl`]);
}

/** One row per key: validation micro F1 of the subject, test micro/macro F1 of subject and control. */
function rowsFor(results: SweepResults, label: (k: CellKey) => string, keys: CellKey[], chosen?: (k: CellKey) => boolean, params = false): string[][] {
  const names = outsideNames(results);
  const byId = new Map(results.cells.map((c) => [c.id, c]));
  const get = (k: CellKey, role: ModelRole) => byId.get(cellId({ ...k, role }));
  return keys.flatMap((k) => {
    const s = get(k, 'subject');
    const c = get(k, 'control');
    if (!s && !c) return [];
    const row = [
      `${label(k)}${chosen?.(k) ? ' *' : ''}`,
      f3(s?.validation.microF1), f3(s?.test.micro.f1), f3(s?.test.macro.f1), f3(c?.test.micro.f1), f3(c?.test.macro.f1),
      `${stopShort(s)}/${stopShort(c)}`,
      ...names.flatMap((n) => [f3(s?.outside?.[n]?.micro.f1), f3(c?.outside?.[n]?.micro.f1)]),
    ];
    if (params) row.push(String(s?.parameters ?? c?.parameters ?? '-'));
    return [row];
  });
}

const HEAD = ['', 'val micro', 'test micro', 'test macro', 'ctrl micro', 'ctrl macro', 'stop s/c'];

/** How a cell's training ended, short: "p23" (patience after 23 epochs), "cap60", "x" (cancelled), "-" (no cell). */
function stopShort(c: CellResult | undefined): string {
  if (!c?.training) return '-';
  const { stopReason, epochs } = c.training;
  return stopReason === 'patience' ? `p${epochs}` : stopReason === 'max-epochs' ? `cap${epochs}` : `${stopReason}${epochs}`;
}

/** Counts of how probe cells stopped, per role. */
export function stopSummary(results: SweepResults): string {
  const parts: string[] = [];
  for (const role of ['subject', 'control'] as ModelRole[]) {
    const cells = results.cells.filter((c) => c.kind === 'probe' && c.role === role && c.training);
    if (!cells.length) continue;
    const count = (r: string) => cells.filter((c) => c.training!.stopReason === r).length;
    const epochs = cells.map((c) => c.training!.epochs);
    parts.push(`${role}: ${count('patience')} of ${cells.length} cells stopped on validation patience, ${count('max-epochs')} at the epoch cap` +
      ` (epochs ${Math.min(...epochs)}-${Math.max(...epochs)})`);
  }
  return parts.length ? `Probe training (patience ${results.settings.fit.patience}, cap ${results.settings.fit.epochs} epochs): ${parts.join('; ')}` : '';
}

export function formatSweepReport(results: SweepResults): string {
  const out: string[] = [];
  const ch = results.choices;
  const baseline = results.cells.find((c) => c.kind === 'baseline');
  out.push(`Sweep of ${results.subject.id} (control: ${results.control?.id ?? 'none'}) on corpus ${results.corpus.id}`);
  out.push(`backend ${results.backend}, noise seed ${results.settings.noiseSeed}, probe seed ${results.settings.probeSeed}, ` +
    `window ${results.settings.window.frames} frames / hop ${results.settings.window.hop}, ${results.cells.length} cells, wall time ${duration(results.wallSeconds)}`);
  out.push('F1 is clip-level; the threshold is chosen on validation; * marks the choice (subject, validation micro F1). ctrl = random-init control.');
  out.push('stop s/c: how the subject / control probe stopped (pN: validation patience after N epochs; capN: at the epoch cap).');
  const stops = stopSummary(results);
  if (stops) out.push(stops);
  const oNames = outsideNames(results);
  if (oNames.length) {
    out.push(`Outside sets (--also-score; scored at the corpus's thresholds, never used to choose): ${oNames.map((n, i) => `o${i + 1} = ${n}`).join(', ')}`);
  }
  const H = [...HEAD, ...outsideHead(results)];
  const sigmaKeys = [...new Set(results.cells.filter((c) => c.kind === 'probe' && c.tap === results.stage1Tap && c.head === 'mlp').map((c) => c.sigma!))]
    .sort((a, b) => a - b).map((sigma) => ({ role: 'subject', sigma, tap: results.stage1Tap, head: 'mlp' }) as CellKey);
  if (sigmaKeys.length) {
    out.push('', `Stage 1: F1 vs sigma (MLP at ${results.stage1Tap})`);
    out.push(table(['sigma', ...H.slice(1)], rowsFor(results, (k) => String(k.sigma), sigmaKeys, (k) => k.sigma === ch.sigma?.value)));
  }
  if (ch.sigma) {
    const tapKeys = results.stage2Taps.map((tap) => ({ role: 'subject', sigma: ch.sigma!.value, tap, head: 'mlp' }) as CellKey);
    const rows = rowsFor(results, (k) => k.tap, tapKeys, (k) => k.tap === ch.tap?.value);
    if (rows.length) out.push('', `Stage 2: F1 per tap (MLP, sigma ${ch.sigma.value})`, table(['tap', ...H.slice(1)], rows));
  }
  if (ch.sigma && ch.tap) {
    const heads: HeadKind[] = results.settings.heads;
    const headKeys = heads.map((head) => ({ role: 'subject', sigma: ch.sigma!.value, tap: ch.tap!.value, head }) as CellKey);
    const rows = rowsFor(results, (k) => k.head, headKeys, (k) => k.head === ch.head?.value, true);
    if (rows.length) out.push('', `Stage 3: F1 per head (sigma ${ch.sigma.value}, ${ch.tap.value})`, table(['head', ...H.slice(1), 'params'], rows));
  }
  if (baseline) {
    out.push('', `Han et al. CNN (${baseline.model}, ${baseline.parameters} parameters): validation micro ${f3(baseline.validation.microF1)}, ` +
      `test micro ${f3(baseline.test.micro.f1)}, test macro ${f3(baseline.test.macro.f1)}` +
      oNames.map((n, i) => `, o${i + 1} micro ${f3(baseline.outside?.[n]?.micro.f1)} macro ${f3(baseline.outside?.[n]?.macro.f1)}`).join(''));
  } else {
    for (const n of results.notes) out.push('', n);
  }
  const best = bestProbe(results);
  if (best) {
    const ctrl = results.cells.find((c) => c.id === cellId({ role: 'control', sigma: best.sigma!, tap: best.tap!, head: best.head as HeadKind }));
    const cols = [best, ctrl, baseline];
    const names = [`best probe (${best.head}, ${best.tap}, sigma ${best.sigma})`, 'control', 'Han CNN'];
    const keep = cols.map((c) => c !== undefined);
    const rows = best.test.classes.map((cls, i) => [cls.code, ...cols.filter((_, j) => keep[j]).map((c) => f3(c!.test.classes[i]?.f1))]);
    rows.push(['micro', ...cols.filter((_, j) => keep[j]).map((c) => f3(c!.test.micro.f1))]);
    rows.push(['macro', ...cols.filter((_, j) => keep[j]).map((c) => f3(c!.test.macro.f1))]);
    out.push('', 'Class-wise test F1', table(['class', ...names.filter((_, j) => keep[j])], rows));
    for (const [i, n] of oNames.entries()) {
      const have = cols.map((c) => c?.outside?.[n] !== undefined);
      if (!have[0]) continue;
      const reps = cols.filter((_, j) => have[j]).map((c) => c!.outside![n]);
      const oRows = reps[0].classes.map((cls, k) => [cls.code, ...reps.map((r) => f3(r.classes[k]?.f1))]);
      oRows.push(['micro', ...reps.map((r) => f3(r.micro.f1))], ['macro', ...reps.map((r) => f3(r.macro.f1))]);
      out.push('', `Class-wise F1 on o${i + 1} (${n})`, table(['class', ...names.filter((_, j) => have[j])], oRows));
    }
  }
  return out.join('\n');
}

/** The subject's cell at the chosen (sigma, tap, head), or the best chosen so far. */
export function bestProbe(results: SweepResults): CellResult | undefined {
  const ch = results.choices;
  if (!ch.sigma) return undefined;
  const key: CellKey = {
    role: 'subject', sigma: ch.sigma.value, tap: ch.tap?.value ?? results.stage1Tap, head: ch.head?.value ?? 'mlp',
  };
  return results.cells.find((c) => c.id === cellId(key));
}

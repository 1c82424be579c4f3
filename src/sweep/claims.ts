// The seed paper's claims answered from sweep results files, with the numbers behind each answer.
// Per file: low noise best? the bottleneck best? richer heads better than the MLP? does the
// subject beat its random-init control? the diffusion probe against the Han CNN, class by class.
// Across files labelled a, b, c (Models A, B, C; "+multi" when the probes also trained on the
// multi-label clips): multi-label data in the diffusion model (B vs A, C vs A), in the probe
// (X+multi vs X), and where it helps more. Everything compares validation-chosen cells; a claim
// about a choice (noise, layer, head) is judged on validation and checked on test and the
// outside sets, a claim about a result on test and checked on the outside sets: a check that
// disagrees by more than the margin makes the answer "mixed". One probe seed per file: the margin
// (default 0.02) stands in for seed noise (see `diffpir spread` for the measured spread).
import { LabError } from '../common/errors.ts';
import type { MetricsReport } from '../evaluation/types.ts';
import type { HeadKind } from '../probes/heads/index.ts';
import { bestProbe, outsideNames } from './report.ts';
import { bestByValidation, cellId } from './plan.ts';
import type { CellKey, CellResult, SweepResults } from './types.ts';

/** Noise levels counted as "low" for the paper's claim that low noise gives the best features. */
export const LOW_NOISE_MAX = 0.1;
/** Differences in F1 at most this large count as a tie: one probe seed per file, and at Model A's chosen cell
 * the sd over probe seeds 1-5 was 0.006-0.011 on validation and 0.009-0.035 on test (stops 13 and 21). */
export const DEFAULT_CLAIMS_MARGIN = 0.02;

export type Verdict = 'yes' | 'no' | 'tie' | 'mixed' | 'n/a';

export interface ClaimAnswer {
  id: 'low-noise' | 'bottleneck' | 'richer-heads' | 'beats-control' | 'beats-han' | 'multi-in-diffusion' | 'multi-in-probe' | 'multi-where';
  question: string;
  verdict: Verdict;
  /** One or two sentences with the numbers the verdict rests on. */
  because: string;
  table?: { header: string[]; rows: string[][] };
}

export interface LabelledResults {
  /** a, b, c (Models A, B, C) with "+multi" for probes trained with the multi-label clips; other labels get per-file answers only. */
  label: string;
  results: SweepResults;
}

export interface ClaimsReport {
  margin: number;
  lowNoiseMax: number;
  files: { label: string; subject: string; multiLabelProbes: boolean; answers: ClaimAnswer[] }[];
  across: ClaimAnswer[];
}

const f3 = (x: number | null | undefined) => (x === null || x === undefined || !Number.isFinite(x) ? '-' : x.toFixed(3));
const signed = (x: number) => `${x >= 0 ? '+' : ''}${x.toFixed(3)}`;

/** +1 when a is ahead of b by more than the margin, -1 when behind by more, 0 otherwise. */
function cmp(a: number, b: number, margin: number): number {
  return a - b > margin ? 1 : b - a > margin ? -1 : 0;
}

/** Verdict from the primary comparison; "mixed" when any check points the other way beyond the margin. */
function verdictOf(primary: number, checks: number[]): Verdict {
  const base: Verdict = primary > 0 ? 'yes' : primary < 0 ? 'no' : 'tie';
  if (checks.some((c) => c !== 0 && c !== primary)) return 'mixed';
  return base;
}

interface Evidence {
  val: number;
  test: number;
  outside: Record<string, number>;
}

function evidence(c: CellResult): Evidence {
  return {
    val: c.validation.microF1,
    test: c.test.micro.f1,
    outside: Object.fromEntries(Object.entries(c.outside ?? {}).map(([n, m]) => [n, m.micro.f1])),
  };
}

function describeCell(c: CellResult, what: (c: CellResult) => string, names: string[]): string {
  const e = evidence(c);
  return `${what(c)} (val ${f3(e.val)}, test ${f3(e.test)}${names.map((n) => `, ${n} ${f3(e.outside[n])}`).join('')})`;
}

/** A choice claim: is the best of `inGroup` ahead of the best of `outGroup` (validation; test and outside as checks)? */
function choiceClaim(
  id: ClaimAnswer['id'], question: string, inGroup: CellResult[], outGroup: CellResult[], what: (c: CellResult) => string,
  names: string[], margin: number, inName: string, outName: string,
): Pick<ClaimAnswer, 'id' | 'question' | 'verdict' | 'because'> {
  const a = bestByValidation(inGroup);
  const b = bestByValidation(outGroup);
  if (!a || !b) return { id, question, verdict: 'n/a', because: `needs cells ${!a ? inName : outName}; the file has none` };
  const ea = evidence(a);
  const eb = evidence(b);
  const checks = [cmp(ea.test, eb.test, margin), ...names.filter((n) => n in ea.outside && n in eb.outside).map((n) => cmp(ea.outside[n], eb.outside[n], margin))];
  return {
    id, question, verdict: verdictOf(cmp(ea.val, eb.val, margin), checks),
    because: `best ${inName}: ${describeCell(a, what, names)}; best ${outName}: ${describeCell(b, what, names)}`,
  };
}

function cellTable(results: SweepResults, keys: { label: string; key: CellKey }[], extra?: (s: CellResult | undefined) => string[]): ClaimAnswer['table'] {
  const names = outsideNames(results);
  const byId = new Map(results.cells.map((c) => [c.id, c]));
  const rows = keys.flatMap(({ label, key }) => {
    const s = byId.get(cellId({ ...key, role: 'subject' }));
    const c = byId.get(cellId({ ...key, role: 'control' }));
    if (!s && !c) return [];
    return [[label, f3(s?.validation.microF1), f3(s?.test.micro.f1), f3(c?.test.micro.f1),
      ...names.flatMap((n) => [f3(s?.outside?.[n]?.micro.f1), f3(c?.outside?.[n]?.micro.f1)]), ...(extra ? extra(s) : [])]];
  });
  return {
    header: ['', 'val micro', 'test micro', 'control test', ...names.flatMap((n) => [`${n} micro`, `${n} control`])],
    rows,
  };
}

function subjectCells(results: SweepResults, pred: (c: CellResult) => boolean): CellResult[] {
  return results.cells.filter((c) => c.kind === 'probe' && c.role === 'subject' && pred(c));
}

function perFile(results: SweepResults, margin: number): ClaimAnswer[] {
  const names = outsideNames(results);
  const ch = results.choices;
  const answers: ClaimAnswer[] = [];

  // 1. Low noise.
  const s1 = subjectCells(results, (c) => c.tap === results.stage1Tap && c.head === 'mlp');
  const sigmas = [...new Set(s1.map((c) => c.sigma!))].sort((a, b) => a - b);
  answers.push({
    ...choiceClaim('low-noise', `Low noise best? (sigma <= ${LOW_NOISE_MAX} against higher; MLP at ${results.stage1Tap})`,
      s1.filter((c) => c.sigma! <= LOW_NOISE_MAX), s1.filter((c) => c.sigma! > LOW_NOISE_MAX), (c) => `sigma ${c.sigma}`, names, margin,
      `sigma <= ${LOW_NOISE_MAX}`, `sigma > ${LOW_NOISE_MAX}`),
    table: cellTable(results, sigmas.map((sigma) => ({ label: `sigma ${sigma}${sigma === ch.sigma?.value ? ' *' : ''}`, key: { role: 'subject', sigma, tap: results.stage1Tap, head: 'mlp' } }))),
  });

  // 2. Bottleneck: stage 2's taps are [final down block, bottleneck..., first up block] (plan.ts stageTaps).
  const taps = results.stage2Taps;
  const bottleneck = new Set(taps.slice(1, -1));
  const s2 = ch.sigma ? subjectCells(results, (c) => c.sigma === ch.sigma!.value && c.head === 'mlp' && taps.includes(c.tap!)) : [];
  answers.push({
    ...choiceClaim('bottleneck', `Bottleneck best? (${[...bottleneck].join(', ') || 'none'} against ${[taps[0], taps[taps.length - 1]].filter(Boolean).join(', ')}; MLP at the chosen sigma)`,
      s2.filter((c) => bottleneck.has(c.tap!)), s2.filter((c) => !bottleneck.has(c.tap!)), (c) => c.tap!, names, margin,
      'bottleneck tap', 'tap outside the bottleneck'),
    ...(ch.sigma ? { table: cellTable(results, taps.map((tap) => ({ label: `${tap}${bottleneck.has(tap) ? ' (bottleneck)' : ''}${tap === ch.tap?.value ? ' *' : ''}`, key: { role: 'subject', sigma: ch.sigma!.value, tap, head: 'mlp' } }))) } : {}),
  });

  // 3. Richer heads.
  const heads: HeadKind[] = results.settings.heads;
  const s3 = ch.sigma && ch.tap ? subjectCells(results, (c) => c.sigma === ch.sigma!.value && c.tap === ch.tap!.value && heads.includes(c.head as HeadKind)) : [];
  const table3 = ch.sigma && ch.tap
    ? cellTable(results, heads.map((head) => ({ label: `${head}${head === ch.head?.value ? ' *' : ''}`, key: { role: 'subject', sigma: ch.sigma!.value, tap: ch.tap!.value, head } })),
      (s) => [s ? String(s.parameters) : '-'])
    : undefined;
  if (table3) table3.header.push('parameters');
  answers.push({
    ...choiceClaim('richer-heads', 'Richer heads better? (best of CNN, CRNN, attention against the MLP, at the chosen sigma and tap)',
      s3.filter((c) => c.head !== 'mlp'), s3.filter((c) => c.head === 'mlp'), (c) => c.head, names, margin, 'richer head', 'MLP'),
    ...(table3 ? { table: table3 } : {}),
  });

  // 4. Subject against its random-init control.
  answers.push(beatsControl(results, names, margin));
  // 5. Against the Han CNN.
  answers.push(beatsHan(results, names, margin));
  return answers;
}

function beatsControl(results: SweepResults, names: string[], margin: number): ClaimAnswer {
  const question = 'Does the model beat its random-init control? (the chosen cell on test; every probe cell counted)';
  const byId = new Map(results.cells.map((c) => [c.id, c]));
  const pairs = results.cells.filter((c) => c.kind === 'probe' && c.role === 'subject')
    .map((s) => [s, byId.get(s.id.replace(/^subject\|/, 'control|'))] as const).filter((p): p is readonly [CellResult, CellResult] => p[1] !== undefined);
  const best = bestProbe(results);
  const ctrl = best && byId.get(best.id.replace(/^subject\|/, 'control|'));
  if (!best || !ctrl) return { id: 'beats-control', question, verdict: 'n/a', because: 'the chosen cell has no control cell in this file' };
  const count = (get: (c: CellResult) => number | undefined) => {
    const d = pairs.map(([s, c]) => [get(s), get(c)]).filter((x): x is [number, number] => x[0] !== undefined && x[1] !== undefined).map(([s, c]) => s - c);
    return { ahead: d.filter((x) => x > 0).length, n: d.length, mean: d.reduce((a, b) => a + b, 0) / Math.max(1, d.length) };
  };
  const t = count((c) => c.test.micro.f1);
  const sets = names.map((name) => ({ name, ...count((c) => c.outside?.[name]?.micro.f1) }));
  const es = evidence(best);
  const ec = evidence(ctrl);
  const checks = names.filter((n) => n in es.outside && n in ec.outside).map((n) => cmp(es.outside[n], ec.outside[n], margin));
  const where = `${best.head}, ${best.tap}, sigma ${best.sigma}`;
  return {
    id: 'beats-control', question, verdict: verdictOf(cmp(es.test, ec.test, margin), checks),
    because: `chosen cell (${where}): test ${f3(es.test)} against ${f3(ec.test)}${names.map((n) => `, ${n} ${f3(es.outside[n])} against ${f3(ec.outside[n])}`).join('')}. ` +
      `Over ${t.n} cells the subject is ahead on test in ${t.ahead} (mean difference ${signed(t.mean)})` +
      sets.map((s) => `, on ${s.name} in ${s.ahead} of ${s.n} (${signed(s.mean)})`).join('') + '.',
  };
}

function classTable(probe: MetricsReport, han: MetricsReport): string[][] {
  return probe.classes.map((cls, i) => {
    const h = han.classes[i];
    return [cls.code, f3(cls.f1), f3(h?.f1), h && cls.f1 !== null && h.f1 !== null ? signed(cls.f1 - h.f1) : '-'];
  });
}

function beatsHan(results: SweepResults, names: string[], margin: number): ClaimAnswer {
  const question = 'Diffusion features against the Han CNN? (the chosen cell on test, class by class)';
  const best = bestProbe(results);
  const han = results.cells.find((c) => c.kind === 'baseline');
  if (!best || !han) return { id: 'beats-han', question, verdict: 'n/a', because: best ? 'no Han CNN cell in this file' : 'no chosen cell yet' };
  const ahead = (p: MetricsReport, h: MetricsReport) => p.classes.filter((c, i) => c.f1 !== null && h.classes[i]?.f1 != null && c.f1 - h.classes[i].f1! > margin).map((c) => c.code);
  const checks = names.filter((n) => best.outside?.[n] && han.outside?.[n]).map((n) => cmp(best.outside![n].micro.f1, han.outside![n].micro.f1, margin));
  const rows = classTable(best.test, han.test);
  rows.push(['micro', f3(best.test.micro.f1), f3(han.test.micro.f1), signed(best.test.micro.f1 - han.test.micro.f1)]);
  rows.push(['macro', f3(best.test.macro.f1), f3(han.test.macro.f1), signed(best.test.macro.f1 - han.test.macro.f1)]);
  const header = ['class', 'probe test F1', 'Han test F1', 'difference'];
  for (const n of names) {
    const p = best.outside?.[n];
    const h = han.outside?.[n];
    if (!p || !h) continue;
    header.push(`probe ${n}`, `Han ${n}`);
    const extra = classTable(p, h);
    rows.forEach((r, i) => {
      if (i < extra.length) r.push(extra[i][1], extra[i][2]);
      else if (r[0] === 'micro') r.push(f3(p.micro.f1), f3(h.micro.f1));
      else r.push(f3(p.macro.f1), f3(h.macro.f1));
    });
  }
  const testAhead = ahead(best.test, han.test);
  return {
    id: 'beats-han', question, verdict: verdictOf(cmp(best.test.micro.f1, han.test.micro.f1, margin), checks),
    because: `chosen cell (${best.head}, ${best.tap}, sigma ${best.sigma}) test micro ${f3(best.test.micro.f1)} against the Han CNN's ${f3(han.test.micro.f1)}` +
      names.filter((n) => best.outside?.[n] && han.outside?.[n]).map((n) => `, ${n} ${f3(best.outside![n].micro.f1)} against ${f3(han.outside![n].micro.f1)}`).join('') +
      `; on test the probe is ahead in ${testAhead.length ? testAhead.join(', ') : 'no class'} (by more than ${margin})` +
      names.filter((n) => best.outside?.[n] && han.outside?.[n]).map((n) => { const a = ahead(best.outside![n], han.outside![n]); return `, on ${n} in ${a.length ? a.join(', ') : 'no class'}`; }).join('') + '.',
    table: { header, rows },
  };
}

const LABEL = /^([A-Za-z0-9_-]+?)(\+multi)?$/;

/** Whether a results file's probes trained with the multi-label clips, where the file says (sweeps since stop 21). */
export function multiLabelProbes(results: SweepResults): boolean | undefined {
  const v = (results.corpus.info as { withMulti?: unknown }).withMulti;
  return typeof v === 'boolean' ? v : undefined;
}

function chosenEvidence(r: SweepResults): { cell: CellResult; e: Evidence } | undefined {
  const cell = bestProbe(r);
  return cell ? { cell, e: evidence(cell) } : undefined;
}

function sharedOutside(a: SweepResults, b: SweepResults): string[] {
  const nb = new Set(outsideNames(b));
  return outsideNames(a).filter((n) => nb.has(n));
}

/** Difference (x - y) at the chosen cells, test and shared outside sets. */
function delta(x: SweepResults, y: SweepResults): { test: number; outside: Record<string, number> } | undefined {
  const ex = chosenEvidence(x);
  const ey = chosenEvidence(y);
  if (!ex || !ey) return undefined;
  return {
    test: ex.e.test - ey.e.test,
    outside: Object.fromEntries(sharedOutside(x, y).map((n) => [n, ex.e.outside[n] - ey.e.outside[n]])),
  };
}

function deltaText(name: string, d: { test: number; outside: Record<string, number> }): string {
  return `${name}: test ${signed(d.test)}${Object.entries(d.outside).map(([n, v]) => `, ${n} ${signed(v)}`).join('')}`;
}

function across(files: Map<string, SweepResults>, margin: number): ClaimAnswer[] {
  const out: ClaimAnswer[] = [];
  const get = (l: string) => files.get(l);
  const rowOf = (label: string, r: SweepResults) => {
    const c = chosenEvidence(r);
    return [label, r.subject.id, c ? `${c.cell.head}, ${c.cell.tap}, sigma ${c.cell.sigma}` : '-', f3(c?.e.val), f3(c?.e.test),
      ...outsideNames(r).map((n) => `${n} ${f3(c?.e.outside[n])}`)];
  };
  const table = (labels: string[]) => ({
    header: ['label', 'model', 'chosen cell', 'val micro', 'test micro', 'outside micro'],
    rows: labels.filter((l) => files.has(l)).map((l) => { const r = rowOf(l, files.get(l)!); return [...r.slice(0, 5), r.slice(5).join('; ') || '-']; }),
  });
  const verdictFrom = (d: { test: number; outside: Record<string, number> }) =>
    verdictOf(cmp(d.test, 0, margin), Object.values(d.outside).map((v) => cmp(v, 0, margin)));

  // 6. Multi-label clips in the diffusion model's training: B against A (and C against A), probes without them.
  const a = get('a');
  const b = get('b');
  const c = get('c');
  const q6 = 'Multi-label clips help when they train the diffusion model? (B against A; C against A; probes trained without them)';
  if (a && b) {
    const dB = delta(b, a);
    const dC = c ? delta(c, a) : undefined;
    out.push({
      id: 'multi-in-diffusion', question: q6, verdict: dB ? verdictFrom(dB) : 'n/a',
      because: dB ? `${deltaText('B - A', dB)}${dC ? `; ${deltaText('C - A', dC)}` : ''} (chosen cells, micro F1)` : 'a file has no chosen cell',
      table: table(['a', 'b', 'c']),
    });
  } else out.push({ id: 'multi-in-diffusion', question: q6, verdict: 'n/a', because: 'needs files labelled a and b' });

  // 7. Multi-label clips in the probe's training: X+multi against X.
  const q7 = 'Multi-label clips help when they train the probe? (X+multi against X, same diffusion model)';
  const pairs = ['a', 'b', 'c'].filter((l) => files.has(l) && files.has(`${l}+multi`));
  const deltas = pairs.map((l) => ({ l, d: delta(files.get(`${l}+multi`)!, files.get(l)!) }));
  const first = deltas.find((x) => x.d !== undefined);
  out.push(first
    ? {
      id: 'multi-in-probe', question: q7, verdict: verdictFrom(first.d!),
      because: deltas.filter((x) => x.d).map((x) => deltaText(`${x.l.toUpperCase()}+multi - ${x.l.toUpperCase()}`, x.d!)).join('; ') +
        ` (verdict from ${first.l.toUpperCase()})`,
      table: table(pairs.flatMap((l) => [l, `${l}+multi`])),
    }
    : { id: 'multi-in-probe', question: q7, verdict: 'n/a', because: 'needs a file labelled X and one labelled X+multi (e.g. a and a+multi)' });

  // 8. Where it helps more.
  const q8 = 'Do multi-label clips help more in the diffusion model than in the probe? ((B - A) against (A+multi - A), test)';
  const am = get('a+multi');
  const dDiff = a && b ? delta(b, a) : undefined;
  const dProbe = a && am ? delta(am, a) : undefined;
  if (dDiff && dProbe) {
    const shared = Object.keys(dDiff.outside).filter((n) => n in dProbe.outside);
    out.push({
      id: 'multi-where', question: q8,
      verdict: verdictOf(cmp(dDiff.test, dProbe.test, margin), shared.map((n) => cmp(dDiff.outside[n], dProbe.outside[n], margin))),
      because: `${deltaText('in the diffusion model (B - A)', dDiff)}; ${deltaText('in the probe (A+multi - A)', dProbe)}`,
    });
  } else out.push({ id: 'multi-where', question: q8, verdict: 'n/a', because: 'needs files labelled a, b and a+multi' });
  return out;
}

/** Checks the labels and that the files can be compared, then answers every claim the files allow. */
export function paperClaims(inputs: LabelledResults[], margin = DEFAULT_CLAIMS_MARGIN): ClaimsReport {
  if (!inputs.length) throw new LabError('claims: give at least one results file');
  if (!(margin >= 0)) throw new LabError(`claims: the margin must be a number >= 0 (got ${margin})`);
  const files = new Map<string, SweepResults>();
  for (const { label, results } of inputs) {
    const key = label.toLowerCase();
    const m = LABEL.exec(key);
    if (!m) throw new LabError(`claims: label "${label}" must be letters, digits, _ or -, optionally ending in +multi (e.g. a, b, c, a+multi)`);
    if (files.has(key)) throw new LabError(`claims: label "${label}" is given twice`);
    if (results?.format !== 'diffpir-sweep') throw new LabError(`claims: ${label} is not a sweep results file (format ${String((results as { format?: unknown })?.format)})`);
    const multi = multiLabelProbes(results);
    if (multi !== undefined && multi !== (m[2] !== undefined)) {
      throw new LabError(`claims: ${label}'s probes were trained ${multi ? 'with' : 'without'} the multi-label clips; label it ${multi ? `${m[1]}+multi` : m[1]}`);
    }
    files.set(key, results);
  }
  const tests = [...files.entries()].map(([l, r]) => [l, (r.corpus.info as { clips?: { test?: number } }).clips?.test] as const);
  const odd = tests.find(([, t]) => t !== tests[0][1]);
  if (odd) throw new LabError(`claims: ${odd[0]} has ${odd[1]} test clips and ${tests[0][0]} ${tests[0][1]}: the files must share the corpus's test split`);
  return {
    margin,
    lowNoiseMax: LOW_NOISE_MAX,
    files: [...files.entries()].map(([label, r]) => ({
      label, subject: r.subject.id, multiLabelProbes: LABEL.exec(label)![2] !== undefined, answers: perFile(r, margin),
    })),
    across: files.size > 1 ? across(files, margin) : [],
  };
}

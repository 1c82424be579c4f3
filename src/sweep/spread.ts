// The spread over probe seeds: results files of one sweep run again with other probe seeds (same
// models, corpus, noise, window, fit settings and baseline; only the probe seed differs) give, per
// cell, mean and standard deviation of each score, and per probe cell the paired subject - control
// differences (same sigma, tap, head and seed). Says whether a difference between two cells is
// larger than what re-seeding the probe alone moves.
import { LabError } from '../common/errors.ts';
import { stableJson } from '../features/hash.ts';
import type { CellResult, SweepResults } from './types.ts';

/** Mean and sample standard deviation (n - 1; 0 for one value). */
export interface Stat {
  mean: number;
  sd: number;
  n: number;
}

export interface CellSpread {
  id: string;
  /** Validation micro F1, test micro and macro F1, and micro F1 on each outside set, by name. */
  validationMicro: Stat;
  testMicro: Stat;
  testMacro: Stat;
  outsideMicro: Record<string, Stat>;
}

export interface PairedDifference {
  /** "sigma|tap|head" of the probe cells compared. */
  key: string;
  /** Subject minus control test micro F1, per seed (in the files' order), with its summary. */
  test: { perSeed: number[]; stat: Stat; subjectAhead: number };
  outside: Record<string, { perSeed: number[]; stat: Stat; subjectAhead: number }>;
}

export interface SpreadReport {
  seeds: number[];
  subject: string;
  control: string | null;
  corpus: string;
  cells: CellSpread[];
  paired: PairedDifference[];
}

export function stat(values: number[]): Stat {
  const n = values.length;
  const mean = values.reduce((a, b) => a + b, 0) / n;
  const sd = n > 1 ? Math.sqrt(values.reduce((a, v) => a + (v - mean) ** 2, 0) / (n - 1)) : 0;
  return { mean, sd, n };
}

/** The fingerprint without what the seed spread varies (the probe seed, also inside the fit settings). */
function fixedPart(r: SweepResults): Record<string, unknown> {
  const { probeSeed: _p, fit, ...rest } = r.fingerprint as Record<string, unknown>;
  const { seed: _s, ...fitRest } = (fit ?? {}) as Record<string, unknown>;
  return { ...rest, fit: fitRest };
}

function check(files: { name: string; results: SweepResults }[]): void {
  if (files.length < 2) throw new LabError('spread: give at least two results files (the same sweep with different probe seeds)');
  for (const { name, results } of files) {
    if (results?.format !== 'diffpir-sweep' || !Array.isArray(results.cells)) throw new LabError(`spread: ${name} is not a DiffPIR sweep results file`);
  }
  const first = files[0];
  const base = fixedPart(first.results);
  for (const f of files.slice(1)) {
    const other = fixedPart(f.results);
    const differ = Object.keys({ ...base, ...other }).filter((k) => stableJson(base[k]) !== stableJson(other[k]));
    if (differ.length > 0) {
      throw new LabError(`spread: ${f.name} differs from ${first.name} in more than the probe seed (${differ.map((k) => `${k}: ${stableJson(base[k])} vs ${stableJson(other[k])}`).join('; ')})`);
    }
  }
  const seeds = files.map((f) => f.results.settings.probeSeed);
  const dup = seeds.find((s, i) => seeds.indexOf(s) !== i);
  if (dup !== undefined) throw new LabError(`spread: probe seed ${dup} appears twice; each file must have its own seed`);
}

const outsideMicro = (c: CellResult): Record<string, number> =>
  Object.fromEntries(Object.entries(c.outside ?? {}).map(([k, m]) => [k, m.micro.f1]));

function pairedOf(values: number[]) {
  return { perSeed: values, stat: stat(values), subjectAhead: values.filter((v) => v > 0).length };
}

/** Spread of every cell present in all files, and the paired subject - control differences. */
export function sweepSpread(files: { name: string; results: SweepResults }[]): SpreadReport {
  check(files);
  const byId = files.map((f) => new Map(f.results.cells.map((c) => [c.id, c])));
  const ids = files[0].results.cells.map((c) => c.id).filter((id) => byId.every((m) => m.has(id)));
  if (ids.length === 0) throw new LabError('spread: no cell is in every file');
  const cells: CellSpread[] = ids.map((id) => {
    const cs = byId.map((m) => m.get(id)!);
    const outNames = Object.keys(outsideMicro(cs[0])).filter((k) => cs.every((c) => k in outsideMicro(c)));
    return {
      id,
      validationMicro: stat(cs.map((c) => c.validation.microF1)),
      testMicro: stat(cs.map((c) => c.test.micro.f1)),
      testMacro: stat(cs.map((c) => c.test.macro.f1)),
      outsideMicro: Object.fromEntries(outNames.map((k) => [k, stat(cs.map((c) => outsideMicro(c)[k]))])),
    };
  });
  const paired: PairedDifference[] = [];
  for (const id of ids) {
    if (!id.startsWith('subject|')) continue;
    const key = id.slice('subject|'.length);
    const controlId = `control|${key}`;
    if (!ids.includes(controlId)) continue;
    const s = byId.map((m) => m.get(id)!);
    const c = byId.map((m) => m.get(controlId)!);
    const outNames = Object.keys(outsideMicro(s[0])).filter((k) => [...s, ...c].every((x) => k in outsideMicro(x)));
    paired.push({
      key,
      test: pairedOf(s.map((x, i) => x.test.micro.f1 - c[i].test.micro.f1)),
      outside: Object.fromEntries(outNames.map((k) => [k, pairedOf(s.map((x, i) => outsideMicro(x)[k] - outsideMicro(c[i])[k]))])),
    });
  }
  const r0 = files[0].results;
  return {
    seeds: files.map((f) => f.results.settings.probeSeed), subject: r0.subject.id, control: r0.control?.id ?? null,
    corpus: r0.corpus.id, cells, paired,
  };
}

const pm = (s: Stat) => `${s.mean.toFixed(3)} ± ${s.sd.toFixed(3)}`;
const signed = (x: number) => {
  const t = x.toFixed(3);
  return t.startsWith('-') ? (Number(t) === 0 ? t.slice(1).replace(/^/, '+') : t) : `+${t}`;
};

/** Plain-text tables of a spread report. */
export function formatSpread(r: SpreadReport): string {
  const outNames = [...new Set(r.cells.flatMap((c) => Object.keys(c.outsideMicro)))];
  const lines = [
    `Spread over probe seeds ${r.seeds.join(', ')} (mean ± sd, n = ${r.seeds.length}); subject ${r.subject}, control ${r.control ?? 'none'}, corpus ${r.corpus}`,
    '',
    ['cell', 'val micro', 'test micro', 'test macro', ...outNames.map((n) => `${n} micro`)].join(' | '),
  ];
  for (const c of r.cells) {
    lines.push([c.id, pm(c.validationMicro), pm(c.testMicro), pm(c.testMacro), ...outNames.map((n) => (c.outsideMicro[n] ? pm(c.outsideMicro[n]) : '-'))].join(' | '));
  }
  if (r.paired.length > 0) {
    lines.push('', 'Subject - control, paired by seed (micro F1): mean ± sd [per seed], seeds with the subject ahead');
    for (const p of r.paired) {
      const part = (name: string, d: PairedDifference['test']) =>
        `${name} ${signed(d.stat.mean)} ± ${d.stat.sd.toFixed(3)} [${d.perSeed.map(signed).join(', ')}] ${d.subjectAhead}/${d.perSeed.length}`;
      lines.push(`${p.key}: ${[part('test', p.test), ...Object.entries(p.outside).map(([n, d]) => part(n, d))].join('; ')}`);
    }
  }
  return lines.join('\n');
}

// `npm run bench`: runs every scripts/bench/*.bench.ts and prints one table per benchmark.
// Each bench module exports `title` and `run(): Promise<BenchRow[]>`.
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export interface BenchRow {
  [column: string]: string | number;
}

const dir = path.join(path.dirname(fileURLToPath(import.meta.url)), 'bench');
const only = process.argv.slice(2);
const files = readdirSync(dir)
  .filter((f) => f.endsWith('.bench.ts'))
  .filter((f) => only.length === 0 || only.some((o) => f.includes(o)))
  .sort();

function printTable(title: string, rows: BenchRow[]): void {
  console.log(`\n## ${title}\n`);
  if (rows.length === 0) return void console.log('(no rows)');
  const cols = [...new Set(rows.flatMap((r) => Object.keys(r)))];
  const cell = (v: string | number | undefined) =>
    v === undefined ? '' : typeof v === 'number' ? (Number.isInteger(v) ? String(v) : v.toFixed(3)) : v;
  console.log(`| ${cols.join(' | ')} |`);
  console.log(`| ${cols.map(() => '---').join(' | ')} |`);
  for (const r of rows) console.log(`| ${cols.map((c) => cell(r[c])).join(' | ')} |`);
}

for (const f of files) {
  const mod = (await import(path.join(dir, f))) as { title: string; run: () => Promise<BenchRow[]> };
  printTable(mod.title, await mod.run());
}

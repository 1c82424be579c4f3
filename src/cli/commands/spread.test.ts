// `diffpir spread` on two small results files written by the test: the table, the JSON, and a clear
// refusal of a file that is not a sweep's.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from '../testing.ts';

const dir = mkdtempSync(path.join(tmpdir(), 'diffpir-spread-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const m = (f1: number) => ({ micro: { f1 }, macro: { f1: f1 / 2 } });
const cell = (id: string, test: number) => ({ id, validation: { microF1: test, macroF1: test }, test: m(test) });
function write(seed: number, sub: number, ctl: number): string {
  const file = path.join(dir, `s${seed}.json`);
  writeFileSync(file, JSON.stringify({
    format: 'diffpir-sweep', version: 1, fingerprint: { subject: 'm#1', probeSeed: seed, fit: { seed } }, settings: { probeSeed: seed },
    subject: { id: 'm' }, control: { id: 'random-init:m' }, corpus: { id: 'c' }, cells: [cell('subject|0.7|t|mlp', sub), cell('control|0.7|t|mlp', ctl)],
  }));
  return file;
}

describe('diffpir spread', () => {
  it('prints mean ± sd and the paired differences, and writes JSON', async () => {
    const out = path.join(dir, 'spread.json');
    const r = await runCli(['spread', write(1, 0.3, 0.2), write(2, 0.1, 0.2), '--json', out]);
    expect(r.code, r.err).toBe(0);
    expect(r.out).toMatch(/subject\|0\.7\|t\|mlp \| 0\.200 ± 0\.141/);
    expect(r.out).toMatch(/0\.7\|t\|mlp: test \+0\.000 ± 0\.141 \[\+0\.100, -0\.100\] 1\/2/);
    const json = JSON.parse(readFileSync(out, 'utf8'));
    expect(json.format).toBe('diffpir-spread');
    expect(json.seeds).toEqual([1, 2]);
  });

  it('refuses a file that is not a sweep results file', async () => {
    const bad = path.join(dir, 'bad.json');
    writeFileSync(bad, '{"cells": 3}');
    const r = await runCli(['spread', write(1, 0.3, 0.2), bad]);
    expect(r.code).not.toBe(0);
    expect(r.err).toMatch(/bad\.json is not a DiffPIR sweep results file/);
  });
});

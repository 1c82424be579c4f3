// Array jobs without a queue on the `tiny` preset: stage 1 in shards 0/2 and 1/2, merged, then
// stage 2 in two shards started from the merged stage 1 (--from), merged: the single-process
// results file, cell by cell (up to timing fields), with the same choices. A shard of another
// plan is refused by merge with a message naming what differs; --shard parses strictly.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { CellResult, SweepResults } from '../sweep/types.ts';
import { inShard } from '../sweep/sweep.ts';
import { parseShard } from './shard.ts';
import { runCli } from './test-helpers.ts';

const figures = (c: CellResult) => Object.fromEntries(Object.entries(c).filter(([k]) => k !== 'seconds' && k !== 'finishedAt'));
const read = async (f: string) => JSON.parse(await readFile(f, 'utf8')) as SweepResults;

describe('--shard i/N', () => {
  it('parses i/N strictly and takes every N-th cell of a stage', () => {
    expect(parseShard('1/3')).toEqual({ index: 1, count: 3 });
    expect(() => parseShard('3/3')).toThrow(/i must be below N \(0 to 2\)/);
    expect(() => parseShard('1-3')).toThrow(/give i\/N, the i-th \(from 0\) of N shares/);
    expect(() => parseShard('0/0')).toThrow(/N must be at least 1/);
    expect([0, 1, 2, 3, 4].filter((i) => inShard({ index: 1, count: 2 }, i))).toEqual([1, 3]);
    expect(inShard(undefined, 7)).toBe(true);
  });
});

describe('shards merged (diffpir merge) on the tiny preset', () => {
  let dir: string;
  const at = (f: string) => path.join(dir, f);
  const sweep = () => [
    'sweep', '--model', 'random-init:tiny@3', '--control', 'random-init:tiny', '--corpus', 'tiny', '--max-clips', '11',
    '--epochs', '2', '--patience', '2', '--sigmas', '0.05,0.5', '--cache', at('features'),
  ];
  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'diffpir-shards-'));
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  it('stage 1 and stage 2 in shards 0/2 and 1/2, merged, equal the whole sweep', async () => {
    const whole = await runCli([...sweep(), '--stages', '1,2', '--out', at('whole.json')]);
    expect(whole.err).not.toMatch(/internal error/);
    expect(whole.code).toBe(0);
    for (const i of [0, 1]) {
      const r = await runCli([...sweep(), '--stages', '1', '--shard', `${i}/2`, '--out', at(`s1-${i}.json`)]);
      expect(r.code).toBe(0);
      expect(r.out).toContain(`shard ${i}/2: join the shards' files with npx diffpir merge`);
    }
    const s10 = await read(at('s1-0.json'));
    expect(s10.shard).toEqual({ index: 0, count: 2 });
    // Han CNN and the stage's cells 0 and 2 (subject and control at sigma 0.05 are cells 0 and 1).
    expect(s10.cells.map((c) => c.id)).toEqual(['baseline|han-cnn', 'subject|0.05|d3.4.resnet|mlp', 'subject|0.5|d3.4.resnet|mlp']);
    const m1 = await runCli(['merge', at('s1-1.json'), at('s1-0.json'), '--out', at('stage1.json')]);
    expect(m1.err).toBe('');
    expect(m1.code).toBe(0);
    expect(m1.out).toContain('merged 2 files: 5 cells in');
    for (const i of [0, 1]) {
      const r = await runCli([...sweep(), '--stages', '2', '--shard', `${i}/2`, '--from', at('stage1.json'), '--out', at(`s2-${i}.json`)]);
      expect(r.err).not.toMatch(/internal error/);
      expect(r.code).toBe(0);
      // Each shard fills the cache only for the model its share of the stage reads (cells alternate subject, control).
      const mine = i === 0 ? 'subject' : 'control';
      const other = i === 0 ? 'control' : 'subject';
      expect(r.err).toMatch(new RegExp(`features: ${mine} at sigma`));
      expect(r.err).not.toMatch(new RegExp(`features: ${other} at sigma`));
    }
    const m2 = await runCli(['merge', at('s2-0.json'), at('s2-1.json'), '--out', at('merged.json')]);
    expect(m2.code).toBe(0);
    const a = await read(at('whole.json'));
    const b = await read(at('merged.json'));
    expect(b.cells.map((c) => c.id)).toEqual(a.cells.map((c) => c.id));
    expect(b.cells.map(figures)).toEqual(a.cells.map(figures));
    expect(b.choices).toEqual(a.choices);
    expect(b.fingerprint).toEqual(a.fingerprint);
    expect(b.shard).toBeUndefined();
    // Wall time: stage 1's once, plus each stage-2 shard's own (both shards carry stage 1's).
    const st1 = await read(at('stage1.json'));
    const [s20, s21] = [await read(at('s2-0.json')), await read(at('s2-1.json'))];
    expect(s20.seedWallSeconds).toBe(st1.wallSeconds);
    expect(b.wallSeconds).toBeCloseTo(s20.wallSeconds + s21.wallSeconds - st1.wallSeconds, 6);
    expect(b.seedWallSeconds).toBeUndefined();
    expect(m2.out).toContain('Stage 2: F1 per tap');
    // A merged file is a results file: the plain sweep resumes it with nothing left to do.
    const resumed = await runCli([...sweep(), '--stages', '1,2', '--out', at('merged.json')]);
    expect(resumed.code).toBe(0);
    expect(resumed.err).not.toMatch(/ {2}done: /);
  }, 300_000);

  it('refuses a shard of another plan, naming what differs; warns of a missing shard', async () => {
    const other = await runCli([...sweep(), '--stages', '1', '--epochs', '1', '--no-baseline', '--shard', '1/2', '--out', at('other.json')]);
    expect(other.code).toBe(0);
    const r = await runCli(['merge', at('s1-0.json'), at('other.json'), '--out', at('bad.json')]);
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/^diffpir merge: other\.json is a shard of another sweep than s1-0\.json \(plan [0-9a-f]{12} there, [0-9a-f]{12} here: .*fit: .*"epochs":2.* in s1-0\.json, .*"epochs":1.* in other\.json.*baseline: "han-cnn" in s1-0\.json, null in other\.json\); merge only the shards of one sweep$/);
    const s = await read(at('s1-0.json'));
    await writeFile(at('corpus.json'), JSON.stringify({ ...s, shard: { index: 1, count: 2 }, fingerprint: { ...s.fingerprint, corpus: 'rendered-tiny-seed2-000000000000' } }));
    const c = await runCli(['merge', at('s1-0.json'), at('corpus.json'), '--out', at('bad.json')]);
    expect(c.err).toMatch(/corpus: "rendered-tiny-seed1-[0-9a-f]{12}" in s1-0\.json, "rendered-tiny-seed2-000000000000" in corpus\.json/);
    const one = await runCli(['merge', at('s1-0.json'), '--out', at('half.json')]);
    expect(one.code).toBe(0);
    expect(one.err).toBe('warning: shard 1/2 not given: its cells are not in the merged file');
    const junk = await runCli(['merge', at('nope.json'), '--out', at('bad.json')]);
    expect(junk.err).toMatch(/^diffpir merge: .*nope\.json: cannot read it \(ENOENT\)$/);
  }, 120_000);
});

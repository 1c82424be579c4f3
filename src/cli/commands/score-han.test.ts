// `diffpir score-han`: the shipped Han CNN on a tiny tone corpus made here; text and JSON reports,
// `--by source` rows, and one-line errors for bad flags or folders.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../../audio/test-helpers.ts';
import { writeSourcedToneCorpus } from '../../baseline/test-helpers.ts';
import { runCli } from '../testing.ts';

const HAN = path.join(REPO_ROOT, 'models/han-cnn-small');

const run = (argv: string[]) => runCli(argv);

describe('diffpir score-han', () => {
  let corpus = '';
  beforeAll(async () => {
    const root = await mkdtemp(path.join(tmpdir(), 'cli-score-han-'));
    corpus = path.join(root, 'corpus');
    await writeSourcedToneCorpus(corpus);
    return () => rm(root, { recursive: true, force: true });
  });

  it('prints micro/macro F1, the class table and one row per source', async () => {
    const r = await run(['score-han', '--han', HAN, '--corpus', corpus, '--by', 'source']);
    expect(r.code, r.err).toBe(0);
    const lines = r.out.split('\n');
    expect(lines[0]).toBe(`Han CNN ${HAN} on ${corpus}: test split, 5 clips; threshold 0.83`);
    expect(lines[1]).toMatch(/^micro F1 \d\.\d{3} \(P \d\.\d{3}, R \d\.\d{3}\); macro F1 \d\.\d{3} \(over \d+ classes\)$/);
    expect(r.out).toContain('class  clips  precision  recall     F1');
    expect(r.out).toMatch(/\npia        1 /);
    expect(r.out).toContain('By source of the labelled parts');
    expect(r.out).toMatch(/\nlib:salamander +2 +\d\.\d{3}/);
    expect(r.out).toMatch(/\nsf:FluidR3Mono_GM +2 +\d\.\d{3}/);
    expect(r.out).toMatch(/\nsf:TimGM6mb +1 +\d\.\d{3}/);
    expect(r.out).toMatch(/\n\(no source\) +1 +\d\.\d{3}/);
  });

  it('gives JSON with the same figures', async () => {
    const r = await run(['score-han', '--han', HAN, '--corpus', corpus, '--by', 'source', '--json']);
    expect(r.code, r.err).toBe(0);
    const j = JSON.parse(r.out);
    expect(j.split).toBe('test');
    expect(j.clips).toBe(5);
    expect(j.classes).toHaveLength(11);
    expect(j.micro.f1).toBeGreaterThanOrEqual(0);
    expect(j.bySource.map((s: { source: string; clips: number }) => [s.source, s.clips]))
      .toEqual([['lib:salamander', 2], ['sf:FluidR3Mono_GM', 2], ['sf:TimGM6mb', 1], ['(no source)', 1]]);
    const plain = await run(['score-han', '--han', HAN, '--corpus', corpus, '--split', 'validation', '--json']);
    expect(JSON.parse(plain.out)).toMatchObject({ split: 'validation', clips: 1 });
    expect(JSON.parse(plain.out).bySource).toBeUndefined();
  });

  it('fails with one clear line', async () => {
    const cases: [string[], string][] = [
      [['--corpus', corpus], '--han is required'],
      [['--han', HAN, '--corpus', corpus, '--by', 'bank'], '--by must be "source", got "bank"'],
      [['--han', HAN, '--corpus', corpus, '--split', 'dev'], '--split must be one of train, validation, test, got "dev"'],
      [['--han', path.join(corpus, 'nope'), '--corpus', corpus], `no Han CNN at ${path.join(corpus, 'nope')} (model.json missing)`],
      [['--han', HAN, '--corpus', HAN], `no corpus at ${HAN} (manifest.json missing)`],
    ];
    for (const [argv, msg] of cases) {
      const r = await run(['score-han', ...argv]);
      expect(r.code).toBe(1);
      expect(r.err).toBe(`diffpir score-han: ${msg}`);
    }
  });
});

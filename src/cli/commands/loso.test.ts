// `diffpir loso` on the tiny preset (its cel/cla/flu training and validation clips, rendered here),
// 2 sources, 1 epoch, the paper's Han CNN: progress per fold, the markdown table, a re-run that
// keeps both folds, JSON, and one-line errors.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { renderCorpus } from '../../corpus/corpus-node.ts';
import { runCli } from '../testing.ts';

describe('diffpir loso', () => {
  let root = '';
  let corpus = '';
  beforeAll(async () => {
    root = await mkdtemp(path.join(tmpdir(), 'cli-loso-'));
    corpus = path.join(root, 'tiny');
    const only = (id: string) => /^(train|validation)-(cel|cla|flu)-/.test(id);
    await renderCorpus('tiny', { out: corpus, only });
    return () => rm(root, { recursive: true, force: true });
  }, 600_000);

  it('trains one Han CNN per left-out source and prints the table; a re-run keeps the folds', async () => {
    const out = path.join(root, 'loso');
    const argv = ['loso', '--corpus', corpus, '--sources', 'bigcat,tjclarinet', '--epochs', '1', '--max-clips', '1', '--out', out];
    const r = await runCli(argv);
    expect(r.code, r.err).toBe(0);
    expect(r.err).toMatch(/fold 1\/2 bigcat: training/);
    expect(r.err).toMatch(/bigcat epoch 1: loss \d/);
    expect(r.err).toMatch(/fold 2\/2 tjclarinet: done in \d+ s; 2 clips, micro F1 \d\.\d{3}/);
    expect(r.out).toMatch(/^# Leave-one-source-out: Han CNN on rendered-tiny-seed1-[0-9a-f]{12}/);
    expect(r.out).toContain('Settings: 1 epochs at most (patience 5), batch 128, lr 0.001, seed 1, at most 1 training clips per class, at most 1 validation clips per class.');
    // bigcat leads train-cel-0001 and -0002; tjclarinet leads train-cla-0001 and -0002 and accompanies train-cel-0002.
    expect(r.out).toMatch(/\n\| bigcat \| 3 \/ 3 \(2 \/ 0\) \| \d\.\d{3} \| 2 \(2\+0\+0\+0\) \| \d\.\d{3} \| \d\.\d{3} \| cel \d\.\d{3} \(2\) \|/);
    expect(r.out).toMatch(/\n\| tjclarinet \| 3 \/ 3 \(3 \/ 0\) \| \d\.\d{3} \| 2 \(2\+0\+0\+0\) \| .* \| cla \d\.\d{3} \(2\) \|/);
    const again = await runCli([...argv, '--json']);
    expect(again.code, again.err).toBe(0);
    expect(again.err).toMatch(/fold 1\/2 bigcat: kept from an earlier run/);
    const j = JSON.parse(again.out);
    expect(j.folds.map((f: { source: string }) => f.source)).toEqual(['bigcat', 'tjclarinet']);
    expect(j.run.settings).toMatchObject({ epochs: 1, seed: 1 });
  }, 300_000);

  it('names an unknown source and a missing flag', async () => {
    const bad = await runCli(['loso', '--corpus', corpus, '--sources', 'nosuch', '--out', path.join(root, 'x')]);
    expect(bad.code).not.toBe(0);
    expect(bad.err).toMatch(/source "nosuch" plays in no clip of this corpus/);
    const none = await runCli(['loso', '--corpus', corpus]);
    expect(none.err).toMatch(/--out is required/);
  });
});

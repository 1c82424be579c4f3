// The regime commands end to end on the `tiny` presets (tiny U-Net, a few steps each): Model 0 on
// tiny + sf-tiny pooled, A/B/C fine-tuned on tiny with and without the multi-label set, each from
// the right parent; a second run skips finished models; a fine-tune before its parent is refused.
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import * as tf from '@tensorflow/tfjs';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from '../testing.ts';

const dir = mkdtempSync(path.join(tmpdir(), 'diffpir-regimes-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const args = (out: string, extra: string[] = []) => [
  'train-regimes', '--out', out, '--pretrain', 'tiny,sf-tiny', '--finetune', 'tiny', '--config', 'tiny', '--steps', '3',
  '--validate-every', '1', '--patience', '1', '--min-delta', '0', '--crop', '16', '--batch', '2', '--micro-batch', '0',
  '--val-clips', '4', '--checkpoint-every', '1', '--warmup', '1', ...extra,
];
const config = (id: string) => JSON.parse(readFileSync(path.join(dir, 'r', `model-${id}`, 'config.json'), 'utf8'));

describe('diffpir train-regimes on tiny', () => {
  it('refuses a fine-tune whose parent is not trained', async () => {
    const r = await runCli(args(path.join(dir, 'r'), ['--only', 'a']));
    expect(r.code).not.toBe(0);
    expect(r.err).toMatch(/model-a starts from .*model-0, which is not finished/);
  });

  it('trains 0, A, B, C from the right parents on the right data, then skips them all', async () => {
    const before = tf.memory().numTensors;
    const r = await runCli(args(path.join(dir, 'r')));
    expect(r.code, r.err).toBe(0);
    const c0 = config('0').training;
    expect(c0.corpora.map((c: { source: string }) => c.source)).toEqual(['tiny', 'sf-tiny']);
    expect(c0.withMulti).toBe(false);
    expect(c0.init).toBeUndefined();
    expect(config('a').training.init.model).toMatch(/model-0$/);
    expect(config('b').training.init.model).toMatch(/model-0$/);
    expect(config('c').training.init.model).toMatch(/model-a$/);
    expect(config('a').training.withMulti).toBe(false);
    expect(config('b').training.withMulti).toBe(true);
    expect(config('b').training.corpus.trainClips).toBeGreaterThan(config('a').training.corpus.trainClips);
    // fine-tuned models keep Model 0's mel normalisation
    for (const id of ['a', 'b', 'c']) expect(config(id).mel.normalisation).toEqual(config('0').mel.normalisation);
    expect(config('a').training.adam.lr).toBe(3e-4);
    const card = readFileSync(path.join(dir, 'r', 'model-c', 'MODEL_CARD.md'), 'utf8');
    expect(card).toMatch(/initialised from/);
    expect(card).toMatch(/stopping: validate every 1 steps/);
    const again = await runCli(args(path.join(dir, 'r')));
    expect(again.code).toBe(0);
    expect(again.out.match(/finished already/g)?.length).toBe(4);
    expect(tf.memory().numTensors).toBe(before);
  }, 600_000);

  it('--from-model: fine-tunes B from a given Model 0 folder (not trained again); refuses bad specs', async () => {
    const given = path.join(dir, 'r', 'model-0');
    const r = await runCli(args(path.join(dir, 'g'), ['--only', '0,b', '--from-model', `0=${given}`]));
    expect(r.code, r.err).toBe(0);
    expect(r.out).toMatch(/model-0: given by --from-model .*; not trained/);
    expect(existsSync(path.join(dir, 'g', 'model-0'))).toBe(false);
    const b = JSON.parse(readFileSync(path.join(dir, 'g', 'model-b', 'config.json'), 'utf8')).training;
    expect(b.init.hash).toBe(config('a').training.init.hash); // the very weights A started from
    expect(b.withMulti).toBe(true);
    // --continue: A's run starts again from the snapshot r/model-a (no Model 0 needed), and its card says so
    const c = await runCli(args(path.join(dir, 'g'), ['--only', 'a', '--continue', `a=${path.join(dir, 'r', 'model-a')}`]));
    expect(c.code, c.err).toBe(0);
    expect(c.out).toMatch(/model-a: .*\(continuing .*model-a\)/);
    const a = JSON.parse(readFileSync(path.join(dir, 'g', 'model-a', 'config.json'), 'utf8')).training;
    expect(a.init.hash).toBe(config('c').training.init.hash); // the very weights C started from: r/model-a
    expect(a.adam.lr).toBe(3e-4);
    expect(readFileSync(path.join(dir, 'g', 'model-a', 'MODEL_CARD.md'), 'utf8')).toMatch(/continues this regime's earlier run from `.*model-a` \(that run's weights after/);
    const both = await runCli(args(path.join(dir, 'g'), ['--only', 'a', '--continue', 'a=x', '--from-model', 'a=y']));
    expect(both.err).toMatch(/both given \(--from-model\) and continued/);
    for (const bad of ['0', 'x=models/model-0', 'a=', '0=a,0=b']) {
      const e = await runCli(args(path.join(dir, 'g'), ['--only', 'b', '--from-model', bad]));
      expect(e.code).not.toBe(0);
      expect(e.err).toMatch(/--from-model/);
    }
  }, 600_000);
});

describe('diffpir train-regimes --snapshot-to', () => {
  const snapArgs = (out: string, steps: number, extra: string[] = []) => [
    'train-regimes', '--out', out, '--pretrain', 'tiny', '--finetune', 'tiny', '--config', 'tiny', '--steps', String(steps),
    '--validate-every', '1', '--patience', '50', '--min-delta', '0', '--crop', '16', '--batch', '2', '--micro-batch', '0',
    '--val-clips', '4', '--checkpoint-every', '1', '--warmup', '1', ...extra,
  ];
  const files = (d: string) => ['checkpoint/checkpoint.json', 'checkpoint/checkpoint.safetensors', 'checkpoint/best.safetensors', 'train-log.jsonl']
    .map((f) => readFileSync(path.join(d, f)).toString('base64'));

  it('writes the unfinished run\'s best weights and card without touching the run, which then continues', async () => {
    const out = path.join(dir, 's');
    expect((await runCli(snapArgs(out, 5, ['--only', '0']))).code).toBe(0);
    expect((await runCli(snapArgs(out, 2, ['--only', 'a']))).code).toBe(0); // A stops at the 2-step cap...
    const runA = path.join(out, 'model-a');
    const before = files(runA);
    const refused = await runCli(snapArgs(out, 5, ['--snapshot-to', path.join(dir, 'snap')]));
    expect(refused.code).not.toBe(0);
    expect(refused.err).toMatch(/--snapshot-to needs --only with one regime/);
    const snap = path.join(dir, 'snap');
    const r = await runCli(snapArgs(out, 5, ['--only', 'a', '--snapshot-to', snap])); // ...and with a cap of 5 it is unfinished
    expect(r.code, r.err).toBe(0);
    expect(files(runA)).toEqual(before);
    const card = readFileSync(path.join(snap, 'MODEL_CARD.md'), 'utf8');
    expect(card).toMatch(/not ended: a snapshot of a run that goes on/);
    expect(card).toMatch(/snapshot of the unfinished run in `.*model-a` at step 2/);
    const published = JSON.parse(readFileSync(path.join(runA, 'config.json'), 'utf8')).training;
    const snapped = JSON.parse(readFileSync(path.join(snap, 'config.json'), 'utf8')).training;
    expect(snapped.stop.reason).toBe('unfinished');
    expect(snapped.stop.bestStep).toBe(published.stop.bestStep);
    expect(snapped.validation).toEqual(published.validation);
    // the same best weights as the run published at its cap
    expect(readFileSync(path.join(snap, 'group1-shard1of1.bin'))).toEqual(readFileSync(path.join(runA, 'group1-shard1of1.bin')));
    expect(readFileSync(path.join(snap, 'train-log.jsonl'), 'utf8')).toBe(readFileSync(path.join(runA, 'train-log.jsonl'), 'utf8'));
    const done = await runCli(snapArgs(out, 5, ['--only', '0', '--snapshot-to', snap]));
    expect(done.err).toMatch(/model-0 has finished; its model is .*model-0, so there is no unfinished run/);
    const cont = await runCli(snapArgs(out, 3, ['--only', 'a']));
    expect(cont.code, cont.err).toBe(0);
    expect(cont.out).toMatch(/resuming from its checkpoint/);
  }, 600_000);
});

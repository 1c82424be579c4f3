// Training on a tiny config: the loss falls, and a run interrupted and resumed gives exactly the
// weights of an uninterrupted run.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { initNodeBackend } from '../compute/node.ts';
import { DEFAULT_ADAM } from './adam.ts';
import { syntheticMelClips, TINY_TRAIN_CONFIG } from './testing.ts';
import { FolderRunStore } from './run-store-node.ts';
import { StoppedError, trainDiffusion, type TrainOptions } from './train.ts';
import { decodeCheckpoint, type CheckpointBytes } from './checkpoint.ts';
import { emaDecay } from './ema.ts';
import * as tf from '@tensorflow/tfjs';

const dirs: string[] = [];
const tempDir = () => {
  const d = mkdtempSync(path.join(tmpdir(), 'diffpir-train-'));
  dirs.push(d);
  return d;
};

beforeAll(async () => {
  await initNodeBackend('wasm');
});
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

const train = syntheticMelClips(12, 20, 1);
const validation = syntheticMelClips(4, 20, 2);
const base = (outDir: string, steps: number): TrainOptions => ({
  settings: { config: TINY_TRAIN_CONFIG, batch: 3, seed: 7, cropFrames: 8, microBatch: 2, adam: { ...DEFAULT_ADAM, lr: 1e-2, warmupSteps: 2 } },
  steps, train, validation, store: new FolderRunStore(outDir), checkpointEvery: 2, validateEvery: 0, logEvery: 1,
});

describe('trainDiffusion', () => {
  it('the training loss falls on a tiny config', async () => {
    const out = tempDir();
    const r = await trainDiffusion({ ...base(out, 20), logEvery: 5 });
    const lines = readFileSync(path.join(out, 'train-log.jsonl'), 'utf8').trim().split('\n').map((l) => JSON.parse(l));
    const losses = lines.filter((l) => l.kind === 'train').map((l) => l.loss as number);
    expect(losses.length).toBe(4);
    expect(losses[losses.length - 1]).toBeLessThan(0.7 * losses[0]);
    expect(r.validation?.clips).toBe(4);
    expect(Object.keys(lines[0].lossBySigma).length).toBeGreaterThan(0);
  });

  it('3 steps + resume to 6 equals 6 steps straight (weights, Adam state, log)', async () => {
    const straightDir = tempDir();
    const straight = await trainDiffusion(base(straightDir, 6));
    const resumedDir = tempDir();
    await trainDiffusion(base(resumedDir, 3));
    const resumed = await trainDiffusion({ ...base(resumedDir, 6), resume: true });
    expect(resumed.steps).toBe(6);
    for (const [k, w] of straight.weights) expect(Array.from(resumed.weights.get(k)!.data), k).toEqual(Array.from(w.data));
    const losses = (d: string) =>
      readFileSync(path.join(d, 'train-log.jsonl'), 'utf8').trim().split('\n').map((l) => JSON.parse(l)).filter((l) => l.kind === 'train').map((l) => [l.step, l.loss]);
    expect(losses(resumedDir)).toEqual(losses(straightDir));
  });

  it('a graceful stop (Ctrl-C) checkpoints at the step boundary; resuming equals a straight run', async () => {
    const straightDir = tempDir();
    const straight = await trainDiffusion(base(straightDir, 6));
    const stoppedDir = tempDir();
    const stop = new AbortController();
    // Asked during step 3's log line: steps 1-3 are done, 3 is not a checkpoint step (checkpointEvery 2).
    const stopped = trainDiffusion({ ...base(stoppedDir, 6), stopSignal: stop.signal, onLine: (l) => void (l.startsWith('step 3/') && stop.abort()) });
    await expect(stopped).rejects.toThrow(/training stopped at step 3; checkpoint saved in .*; continue with --resume/);
    await expect(stopped).rejects.toBeInstanceOf(StoppedError);
    const resumed = await trainDiffusion({ ...base(stoppedDir, 6), resume: true });
    for (const [k, w] of straight.weights) expect(Array.from(resumed.weights.get(k)!.data), k).toEqual(Array.from(w.data));
  });

  it('a stop asked from a timer or a signal handler (a macrotask) is seen at the next step in a one-thread run', async () => {
    const stop = new AbortController();
    const run = trainDiffusion({ ...base(tempDir(), 200), stopSignal: stop.signal });
    setTimeout(() => stop.abort(), 0); // as process.on('SIGINT') would: only runs when the event loop turns
    const e = await run.then(() => undefined, (err: unknown) => err);
    expect(e).toBeInstanceOf(StoppedError);
    expect((e as StoppedError).step).toBeLessThan(200);
  });

    it('keeps a weight average (ema): each update is d * previous + (1 - d) * weights, resumed exactly, and it is what is returned', async () => {
    const withEma = (outDir: string, steps: number): TrainOptions => ({ ...base(outDir, steps), settings: { ...base(outDir, steps).settings, ema: 0.9 }, checkpointEvery: 1 });
    const before = tf.memory().numTensors;
    const straightDir = tempDir();
    const straight = await trainDiffusion(withEma(straightDir, 4));
    expect(tf.memory().numTensors).toBe(before);
    const dir = tempDir();
    await trainDiffusion(withEma(dir, 3));
    const at3 = await decodeCheckpoint(await new FolderRunStore(dir).loadCheckpoint() as CheckpointBytes, dir);
    const resumed = await trainDiffusion({ ...withEma(dir, 4), resume: true });
    const at4 = await decodeCheckpoint(await new FolderRunStore(dir).loadCheckpoint() as CheckpointBytes, dir);
    const d = emaDecay(0.9, 4); // min(0.9, 5 / 14)
    for (const [k, w] of resumed.weights) {
      expect(Array.from(w.data), k).toEqual(Array.from(straight.weights.get(k)!.data)); // resume is exact
      expect(Array.from(w.data), k).toEqual(Array.from(at4.ema.get(k)!)); // the average is returned
      const e3 = at3.ema.get(k)!, p4 = at4.params.get(k)!;
      w.data.forEach((x, i) => expect(x).toBeCloseTo(d * e3[i] + (1 - d) * p4[i], 6));
    }
    expect([...resumed.weights].some(([k, w]) => w.data.some((x, i) => x !== at4.params.get(k)![i]))).toBe(true);
    await expect(trainDiffusion({ ...base(dir, 5), resume: true })).rejects.toThrow(/other settings/);
  });

  it('validating the average between steps leaves the training exactly as without validation', async () => {
    const opts = (validateEvery: number): TrainOptions => ({ ...base(tempDir(), 3), settings: { ...base('', 3).settings, ema: 0.9 }, validateEvery });
    const quiet = await trainDiffusion(opts(0));
    const checked = await trainDiffusion(opts(1));
    for (const [k, w] of quiet.weights) expect(Array.from(checked.weights.get(k)!.data), k).toEqual(Array.from(w.data));
  });

  it('refuses to resume with other settings, or without a checkpoint', async () => {
    const out = tempDir();
    await expect(trainDiffusion({ ...base(out, 2), resume: true })).rejects.toThrow(/no checkpoint/);
    await trainDiffusion(base(out, 2));
    const other = base(out, 4);
    other.settings = { ...other.settings, batch: 2 };
    await expect(trainDiffusion({ ...other, resume: true })).rejects.toThrow(/other settings/);
  });
});

describe('trainStep', () => {
  it('micro-batches give the same update as the whole batch (to float rounding)', async () => {
    const { createUNet } = await import('../unet/model.ts');
    const { randomInitWeights } = await import('../unet/randomInit.ts');
    const { newAdamState, disposeAdamState } = await import('./adam.ts');
    const { trainStep } = await import('./step.ts');
    const tf = await import('@tensorflow/tfjs');
    const { Prng } = await import('./prng.ts');
    const p = new Prng(3);
    const x = tf.tensor4d(p.fillNormal(new Float32Array(4 * 128 * 8)), [4, 128, 8, 1]);
    const n = tf.tensor4d(p.fillNormal(new Float32Array(4 * 128 * 8)), [4, 128, 8, 1]);
    const s = tf.tensor1d([0.1, 0.4, 0.6, 0.9]);
    const after = (micro: number) => {
      const model = createUNet(TINY_TRAIN_CONFIG, randomInitWeights(TINY_TRAIN_CONFIG, 1), { trainable: true });
      const adam = newAdamState(model.params);
      const r = trainStep(model, adam, DEFAULT_ADAM, x, n, s, micro);
      const w = [...model.params.values()].map((t) => Array.from(t.dataSync()));
      disposeAdamState(adam);
      model.dispose();
      return { r, w };
    };
    const whole = after(0);
    const split = after(2);
    expect(split.r.loss).toBeCloseTo(whole.r.loss, 5);
    expect(split.r.gradNorm).toBeCloseTo(whole.r.gradNorm, 4);
    let maxDiff = 0;
    whole.w.forEach((a, i) => a.forEach((v, j) => (maxDiff = Math.max(maxDiff, Math.abs(v - split.w[i][j])))));
    expect(maxDiff).toBeLessThan(1e-6);
    tf.dispose([x, n, s]);
  });
});

// The parallel training step against the single-thread reference on a tiny config: the same
// losses, per-sample losses, gradient norms and parameters after a few Adam steps (exactly when
// each thread's part is a whole number of micro-batches, else to float tolerance); a run
// checkpointed with 1 thread and resumed with 2 equals an uninterrupted one; no tensor left on
// this thread; workers gone after the run, after a cancel and after a crash.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import * as tf from '@tensorflow/tfjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CancelledError, LabError } from '../common/errors.ts';
import { initNodeBackend } from '../compute/node.ts';
import { createUNet } from '../unet/model.ts';
import { randomInitWeights } from '../unet/randomInit.ts';
import { DEFAULT_ADAM, disposeAdamState, newAdamState } from './adam.ts';
import { splitBatch } from './parallel-protocol.ts';
import { startParallelStepper, type ParallelStepper } from './parallel-step.ts';
import { Prng } from './prng.ts';
import { FolderRunStore } from './run-store-node.ts';
import { singleThreadStepper, type StepperFactory } from './stepper.ts';
import { syntheticMelClips, TINY_TRAIN_CONFIG } from './testing.ts';
import { trainDiffusion, type TrainOptions } from './train.ts';

/** Largest parameter difference allowed when the parts do not align with micro-batches (lr 1e-2, 3 steps). */
const PARAM_TOL = 1e-5;

const dirs: string[] = [];
const tempDir = () => {
  const d = mkdtempSync(path.join(tmpdir(), 'diffpir-par-'));
  dirs.push(d);
  return d;
};
beforeAll(async () => {
  await initNodeBackend('wasm');
});
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

const adamOptions = { ...DEFAULT_ADAM, lr: 1e-2, warmupSteps: 2 };

/** Three steps on one fixed batch with a stepper of `threads`; the results and the parameters after. */
async function threeSteps(threads: number, B: number, microBatch: number) {
  const p = new Prng(3);
  const per = 128 * 16;
  const x = tf.tensor4d(p.fillNormal(new Float32Array(B * per)), [B, 128, 16, 1]);
  const noise = tf.tensor4d(p.fillNormal(new Float32Array(B * per)), [B, 128, 16, 1]);
  const sigma = tf.tensor1d(Array.from({ length: B }, () => p.uniform()));
  const model = createUNet(TINY_TRAIN_CONFIG, randomInitWeights(TINY_TRAIN_CONFIG, 1), { trainable: true });
  const adam = newAdamState(model.params);
  const ctx = { model, adam, options: adamOptions, microBatch };
  const stepper = threads === 1 ? await singleThreadStepper(ctx) : await startParallelStepper(threads, ctx);
  const results = [];
  try {
    for (let i = 0; i < 3; i++) results.push(await stepper.step(x, noise, sigma));
  } finally {
    await stepper.dispose();
  }
  const params = [...model.params.values()].map((t) => Float32Array.from(t.dataSync()));
  disposeAdamState(adam);
  model.dispose();
  tf.dispose([x, noise, sigma]);
  return { results, params, stepper };
}

const maxDiff = (a: Float32Array[], b: Float32Array[]) => {
  let m = 0;
  a.forEach((v, i) => v.forEach((y, j) => (m = Math.max(m, Math.abs(y - b[i][j])))));
  return m;
};

describe('splitBatch', () => {
  it('cuts a batch into contiguous near-equal parts', () => {
    expect(splitBatch(8, 2)).toEqual([[0, 4], [4, 8]]);
    expect(splitBatch(3, 2)).toEqual([[0, 2], [2, 3]]);
    expect(splitBatch(7, 3)).toEqual([[0, 3], [3, 5], [5, 7]]);
    expect(splitBatch(1, 2)).toEqual([[0, 1]]);
  });
});

describe('parallel step', () => {
  it('equals the single-thread step exactly when the parts are whole micro-batches (batch 4, micro-batch 2, 2 threads)', async () => {
    const before = tf.memory().numTensors;
    const one = await threeSteps(1, 4, 2);
    const two = await threeSteps(2, 4, 2);
    expect(two.results.map((r) => r.loss)).toEqual(one.results.map((r) => r.loss));
    expect(two.results.map((r) => r.gradNorm)).toEqual(one.results.map((r) => r.gradNorm));
    expect(two.results.map((r) => Array.from(r.perSample))).toEqual(one.results.map((r) => Array.from(r.perSample)));
    expect(maxDiff(two.params, one.params)).toBe(0);
    expect((two.stepper as ParallelStepper).alive()).toBe(0);
    expect(tf.memory().numTensors).toBe(before);
  }, 60_000);

  it('equals it to float tolerance otherwise (batch 5, whole parts, 3 threads)', async () => {
    const one = await threeSteps(1, 5, 0);
    const three = await threeSteps(3, 5, 0);
    three.results.forEach((r, i) => {
      expect(r.loss).toBeCloseTo(one.results[i].loss, 5);
      expect(r.gradNorm).toBeCloseTo(one.results[i].gradNorm, 4);
      r.perSample.forEach((v, j) => expect(v).toBeCloseTo(one.results[i].perSample[j], 5));
    });
    expect(maxDiff(three.params, one.params)).toBeLessThan(PARAM_TOL);
  }, 60_000);

  it('a worker that dies gives a LabError, and the other threads are ended', async () => {
    const model = createUNet(TINY_TRAIN_CONFIG, randomInitWeights(TINY_TRAIN_CONFIG, 1), { trainable: true });
    const adam = newAdamState(model.params);
    const s = await startParallelStepper(3, { model, adam, options: adamOptions, microBatch: 0 });
    await s.workers[0].terminate();
    const x = tf.zeros([4, 128, 16, 1]);
    const sigma = tf.fill([4], 0.5) as tf.Tensor1D;
    await expect(s.step(x, x, sigma)).rejects.toThrow(LabError);
    await expect(s.step(x, x, sigma)).rejects.toThrow(/training thread 1 stopped unexpectedly/);
    await s.dispose();
    expect(s.alive()).toBe(0);
    tf.dispose([x, sigma]);
    disposeAdamState(adam);
    model.dispose();
  }, 60_000);
});

describe('trainDiffusion with threads', () => {
  const train = syntheticMelClips(12, 20, 1);
  const validation = syntheticMelClips(4, 20, 2);
  const made: ParallelStepper[] = [];
  const threads = (n: number): StepperFactory | undefined =>
    n === 1 ? undefined : async (c) => {
      const s = await startParallelStepper(n, c);
      made.push(s);
      return s;
    };
  const base = (outDir: string, steps: number, n: number): TrainOptions => ({
    settings: { config: TINY_TRAIN_CONFIG, batch: 3, seed: 7, cropFrames: 8, microBatch: 2, adam: adamOptions },
    steps, train, validation, store: new FolderRunStore(outDir), checkpointEvery: 2, validateEvery: 0, logEvery: 1, stepper: threads(n),
  });
  const losses = (d: string) =>
    readFileSync(path.join(d, 'train-log.jsonl'), 'utf8').trim().split('\n').map((l) => JSON.parse(l)).filter((l) => l.kind === 'train').map((l) => l.loss as number);

  it('3 steps with 1 thread + resume to 6 with 2 threads equals 6 steps with 1 (and 2 then 1 too); no tensor left, workers ended', async () => {
    const before = tf.memory().numTensors;
    const straightDir = tempDir();
    const straight = await trainDiffusion(base(straightDir, 6, 1));
    const ab = tempDir();
    await trainDiffusion(base(ab, 3, 1));
    const resumedAB = await trainDiffusion({ ...base(ab, 6, 2), resume: true });
    const ba = tempDir();
    await trainDiffusion(base(ba, 3, 2));
    const resumedBA = await trainDiffusion({ ...base(ba, 6, 1), resume: true });
    for (const [dir, r] of [[ab, resumedAB], [ba, resumedBA]] as const) {
      expect(r.steps).toBe(6);
      let m = 0;
      for (const [k, w] of straight.weights) w.data.forEach((v, j) => (m = Math.max(m, Math.abs(v - r.weights.get(k)!.data[j]))));
      expect(m).toBeLessThan(PARAM_TOL);
      losses(dir).forEach((l, i) => expect(l).toBeCloseTo(losses(straightDir)[i], 5));
    }
    expect(made.length).toBe(2);
    expect(made.every((s) => s.alive() === 0)).toBe(true);
    expect(tf.memory().numTensors).toBe(before);
  }, 120_000);

  it('a cancel stops the run within a step and ends the workers', async () => {
    const before = tf.memory().numTensors;
    const ac = new AbortController();
    let abortedAt = 0;
    let stepsLogged = 0;
    const run = trainDiffusion({
      ...base(tempDir(), 1000, 2), signal: ac.signal,
      onLog: (l) => {
        if (l.kind !== 'train') return;
        stepsLogged = l.step;
        if (l.step === 2) {
          abortedAt = performance.now();
          ac.abort();
        }
      },
    });
    await expect(run).rejects.toThrow(CancelledError);
    expect(performance.now() - abortedAt).toBeLessThan(5000);
    expect(stepsLogged).toBe(2);
    expect(made.at(-1)!.alive()).toBe(0);
    expect(tf.memory().numTensors).toBe(before);
  }, 60_000);
});

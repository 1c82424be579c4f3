// Early stopping and fine-tuning (--patience, --init): the run stops when validation stops
// improving and returns the best validation's weights; a resumed early-stopped run equals an
// uninterrupted one; a fine-tuning run starts from the given weights and keeps their mel
// normalisation; no tensor leaks.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import * as tf from '@tensorflow/tfjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { initNodeBackend } from '../compute/node.ts';
import { DEFAULT_ADAM } from './adam.ts';
import { syntheticMelClips, TINY_TRAIN_CONFIG } from './testing.ts';
import { FolderRunStore } from './run-store-node.ts';
import { trainDiffusion, type TrainOptions } from './train.ts';

const dirs: string[] = [];
const tempDir = () => {
  const d = mkdtempSync(path.join(tmpdir(), 'diffpir-regime-'));
  dirs.push(d);
  return d;
};
beforeAll(async () => {
  await initNodeBackend('wasm');
});
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

const train = syntheticMelClips(10, 16, 1);
const validation = syntheticMelClips(3, 16, 2);
// lr high enough that validation soon stops improving by 30 %.
const base = (outDir: string, steps: number): TrainOptions => ({
  settings: { config: TINY_TRAIN_CONFIG, batch: 2, seed: 3, cropFrames: 8, microBatch: 0, adam: { ...DEFAULT_ADAM, lr: 1e-2, warmupSteps: 1 } },
  steps, train, validation, store: new FolderRunStore(outDir), checkpointEvery: 1, validateEvery: 1, logEvery: 1,
  earlyStop: { patience: 2, minRelDelta: 0.3 },
});

describe('early stopping', () => {
  it('stops on patience, returns the best weights, and a resumed run stops at the same step with the same weights', async () => {
    const before = tf.memory().numTensors;
    const straight = await trainDiffusion(base(tempDir(), 40));
    expect(straight.stop?.reason).toBe('patience');
    expect(straight.steps).toBeLessThan(40);
    expect(straight.steps).toBe(straight.stop!.bestStep + 2);
    expect(straight.validation?.vLoss).toBe(straight.stop!.bestVLoss);
    const dir = tempDir();
    const first = await trainDiffusion(base(dir, straight.stop!.bestStep + 1));
    expect(first.stop?.reason).toBe('step cap');
    const resumed = await trainDiffusion({ ...base(dir, 40), resume: true });
    expect(resumed.steps).toBe(straight.steps);
    expect(resumed.stop).toEqual(straight.stop);
    for (const [k, w] of straight.weights) expect(Array.from(resumed.weights.get(k)!.data), k).toEqual(Array.from(w.data));
    expect(tf.memory().numTensors).toBe(before);
  });

  it('a snapshot of an unfinished run returns its best weights so far and writes nothing', async () => {
    const before = tf.memory().numTensors;
    const dir = tempDir();
    const capped = await trainDiffusion(base(dir, 2)); // patience 2: not stopped yet after two validations
    const store = new FolderRunStore(dir);
    const ck = await store.loadCheckpoint();
    const log = await store.readLog();
    const snap = await trainDiffusion({ ...base(dir, 40), resume: true, snapshot: true });
    expect(snap.steps).toBe(2);
    expect(snap.stop).toEqual({ ...capped.stop, reason: 'unfinished' });
    expect(snap.validation).toEqual(capped.validation);
    for (const [k, w] of capped.weights) expect(Array.from(snap.weights.get(k)!.data), k).toEqual(Array.from(w.data));
    expect(await store.loadCheckpoint()).toEqual(ck);
    expect(await store.readLog()).toEqual(log);
    // without early stopping: the current weights
    const plainDir = tempDir();
    const plain = await trainDiffusion({ ...base(plainDir, 2), earlyStop: undefined, validateEvery: 0 });
    const plainSnap = await trainDiffusion({ ...base(plainDir, 9), earlyStop: undefined, validateEvery: 0, resume: true, snapshot: true });
    expect(plainSnap.stop).toBeUndefined();
    for (const [k, w] of plain.weights) expect(Array.from(plainSnap.weights.get(k)!.data), k).toEqual(Array.from(w.data));
    await expect(trainDiffusion({ ...base(tempDir(), 3), snapshot: true })).rejects.toThrow(/needs resume/);
    expect(tf.memory().numTensors).toBe(before);
  });

  it('needs validation to stop early', async () => {
    await expect(trainDiffusion({ ...base(tempDir(), 4), validateEvery: 0 })).rejects.toThrow(/--validate-every/);
  });
});

describe('fine-tuning from a model (--init)', () => {
  it('starts from the given weights and keeps their mel normalisation; resume and settings checks still hold', async () => {
    const pre = await trainDiffusion({ ...base(tempDir(), 3), earlyStop: undefined, validateEvery: 0 });
    const init = { model: 'models/pre', hash: 'abc123' };
    const initModel = { weights: pre.weights, melNorm: { mean: -1.25, std: 2.5 } };
    const o = (dir: string, steps: number): TrainOptions => ({
      ...base(dir, steps), earlyStop: undefined, validateEvery: 0, settings: { ...base(dir, steps).settings, init }, initModel,
    });
    // zero steps of fine-tuning would be the init model itself: check after one step it moved from it, not from random init
    const dir = tempDir();
    const tuned = await trainDiffusion(o(dir, 1));
    expect(tuned.melNorm.mean).toBe(-1.25);
    expect(tuned.melNorm.std).toBe(2.5);
    let maxFromPre = 0;
    for (const [k, w] of pre.weights) w.data.forEach((v, i) => (maxFromPre = Math.max(maxFromPre, Math.abs(v - tuned.weights.get(k)!.data[i]))));
    expect(maxFromPre).toBeLessThan(0.05); // one Adam step of lr 1e-2 (warm-up) moves each weight by at most ~lr
    expect(maxFromPre).toBeGreaterThan(0);
    const straight = await trainDiffusion(o(tempDir(), 3));
    const resumed = await trainDiffusion({ ...o(dir, 3), resume: true });
    for (const [k, w] of straight.weights) expect(Array.from(resumed.weights.get(k)!.data), k).toEqual(Array.from(w.data));
    await expect(trainDiffusion({ ...o(tempDir(), 1), initModel: undefined })).rejects.toThrow(/init/);
  });

  it('a resume goes on when the init folder now holds other weights, keeps the recorded hash, and refuses any other change', async () => {
    const before = tf.memory().numTensors;
    const pre = await trainDiffusion({ ...base(tempDir(), 2), earlyStop: undefined, validateEvery: 0 });
    const init = { model: 'models/pre-wip', hash: 'aaa111' };
    const initModel = { weights: pre.weights, melNorm: { mean: -1.25, std: 2.5 } };
    const o = (dir: string, steps: number, hash: string, seed = 3): TrainOptions => ({
      ...base(dir, steps), earlyStop: undefined, validateEvery: 0, settings: { ...base(dir, steps).settings, seed, init: { ...init, hash } }, initModel,
    });
    const straight = await trainDiffusion(o(tempDir(), 3, 'aaa111'));
    const dir = tempDir();
    await trainDiffusion(o(dir, 1, 'aaa111'));
    // the folder was overwritten since (a snapshot of this run), so its hash differs; the init weights are not read on a resume
    const lines: string[] = [];
    const resumed = await trainDiffusion({ ...o(dir, 3, 'bbb222'), initModel: { ...initModel, weights: straight.weights }, resume: true, onLine: (l) => lines.push(l) });
    expect(lines.some((l) => /models\/pre-wip now holds other weights .*bbb222.*aaa111/.test(l))).toBe(true);
    expect(resumed.init).toEqual(init);
    for (const [k, w] of straight.weights) expect(Array.from(resumed.weights.get(k)!.data), k).toEqual(Array.from(w.data));
    const ck = await new FolderRunStore(dir).loadCheckpoint();
    expect(ck!.json.includes('aaa111')).toBe(true); // the checkpoint keeps the run's own record
    await expect(trainDiffusion({ ...o(dir, 4, 'ccc333', 4), resume: true })).rejects.toThrow(/other settings/);
    await expect(trainDiffusion({ ...o(dir, 4, 'ccc333'), settings: { ...o(dir, 4, 'ccc333').settings, init: { model: 'models/other', hash: 'ccc333' } }, resume: true })).rejects.toThrow(/other settings/);
    expect(tf.memory().numTensors).toBe(before);
  });
});

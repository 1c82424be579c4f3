import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { initNodeBackend } from '../compute/node.ts';
import { Rng } from '../probes/rng.ts';
import { loadHan } from './load.ts';
import { HAN_CONFIG, hanParamCount } from './model.ts';
import { trainHan } from './train.ts';
import { windowPicks, type MelClipLabelled } from './windows.ts';

const classes = ['a', 'b', 'c'];

/** Log-mel clips where class k is a loud band of mel rows 30k..30k+12, on a noisy floor. */
function clips(n: number, frames: number, seed: number, multi = false): MelClipLabelled[] {
  const rng = new Rng(seed);
  return Array.from({ length: n }, (_, i) => {
    const labels = new Uint8Array(3);
    labels[i % 3] = 1;
    if (multi && rng.next() < 0.5) labels[rng.int(3)] = 1;
    const mel = new Float32Array(128 * frames);
    for (let j = 0; j < mel.length; j++) mel[j] = -8 + rng.next() * 2;
    for (let k = 0; k < 3; k++) {
      if (!labels[k]) continue;
      for (let m = 30 * k; m < 30 * k + 12; m++) for (let t = 0; t < frames; t++) mel[m * frames + t] += 5;
    }
    return { id: `clip${seed}-${i}`, mel, frames, labels };
  });
}

beforeAll(async () => {
  await initNodeBackend('wasm');
});

describe('Han CNN', () => {
  it('has about 1.4M parameters at the paper size', () => {
    expect(hanParamCount()).toBe(1_446_123);
    expect(Math.abs(hanParamCount(HAN_CONFIG) / 1.4e6 - 1)).toBeLessThan(0.05);
  });

  it('frames: 1 s windows at hop 320 are 50 frames; 3 s clips give 3 training windows, 0.5 s hop for scoring', () => {
    const c = clips(1, 150, 1);
    expect(windowPicks(c, 50, 50).map((p) => p.start)).toEqual([0, 50, 100]);
    expect(windowPicks(c, 50, 25).map((p) => p.start)).toEqual([0, 25, 50, 75, 100]);
  });

  it('learns a toy problem (small filters), reloads identically and leaks nothing', async () => {
    const start = tf.memory().numTensors;
    const model = await trainHan({
      classes, train: clips(24, 150, 2), validation: clips(9, 150, 3),
      config: { filters: [4, 8, 8, 8], dense: 16 },
      settings: { epochs: 12, patience: 12, batchSize: 16, learningRate: 3e-3, seed: 4 },
    });
    expect(model.meta.metrics.validation.microF1).toBeGreaterThan(0.9);
    expect(model.meta.metrics.trainWindows).toBe(72);
    expect(model.meta.threshold.chosenOn).toBe('validation');
    const test = clips(6, 300, 5, true);
    const scored = await model.scoreClips(test);
    expect(scored.clipIds).toEqual(test.map((c) => c.id));
    const { json, weights } = await model.toFiles();
    const copy = loadHan(json, weights.slice());
    const again = await copy.scoreClips(test);
    expect(again.scores.rows.map((r) => Array.from(r))).toEqual(scored.scores.rows.map((r) => Array.from(r)));
    model.dispose();
    copy.dispose();
    expect(tf.memory().numTensors).toBe(start);
  });
});

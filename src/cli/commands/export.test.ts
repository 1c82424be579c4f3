// export -> convert round trip: a model folder exported as a PyTorch checkpoint and converted
// back loads as the same weights and gives the same U-Net output.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import * as tf from '@tensorflow/tfjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Args, parseArgs } from '../args.ts';
import { initNodeBackend } from '../../compute/node.ts';
import { TINY_TRAIN_CONFIG } from '../../training/testing.ts';
import { createUNet } from '../../unet/model.ts';
import { randomInitWeights } from '../../unet/randomInit.ts';
import { convertCheckpoint, loadModelDir, readSafetensorsHeader, withFileSource, writeModelDir } from '../../weights/index.ts';
import { exportCommand } from './export.ts';

const dir = mkdtempSync(path.join(tmpdir(), 'diffpir-export-'));
beforeAll(async () => {
  await initNodeBackend('wasm');
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('diffpir export', () => {
  it('export -> convert gives the same weights and the same outputs', async () => {
    const weights = randomInitWeights(TINY_TRAIN_CONFIG, 5);
    const src = path.join(dir, 'model');
    await writeModelDir(src, weights, TINY_TRAIN_CONFIG);
    const file = path.join(dir, 'out', 'model.safetensors');
    await exportCommand.run(new Args(parseArgs([src, '--out', file]), 'export'));

    const header = await withFileSource(file, (s) => readSafetensorsHeader(s));
    const names = new Set(header.entries.map((e) => e.name));
    for (const p of ['net.', 'diffusion.net.', 'sampler.net.']) {
      expect(names.has(`${p}blocks.0.weights`)).toBe(true);
      expect(names.has(`${p}blocks.1.blocks.1.0.weight`)).toBe(true); // the time-Linear alias
    }
    expect(names.size).toBe(3 * (weights.size + 2));

    const back = path.join(dir, 'back');
    await withFileSource(file, (s) => convertCheckpoint(s, TINY_TRAIN_CONFIG, back));
    const loaded = await loadModelDir(back);
    for (const [k, w] of weights) expect(Array.from(loaded.weights.get(k)!.data), k).toEqual(Array.from(w.data));

    const a = createUNet(TINY_TRAIN_CONFIG, weights);
    const b = createUNet(loaded.config, loaded.weights);
    const x = tf.randomNormal([2, 128, 16, 1], 0, 1, 'float32', 1);
    const s = tf.tensor1d([0.2, 0.7]);
    const va = a.forward(x, s).v!;
    const vb = b.forward(x, s).v!;
    expect(tf.max(tf.abs(tf.sub(va, vb))).dataSync()[0]).toBe(0);
    tf.dispose([x, s, va, vb]);
    a.dispose();
    b.dispose();
  });
});

import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { initNodeBackend } from '../compute/node.ts';
import { loadProbeDir, saveProbeDir } from './io-node.ts';
import { syntheticFeatures } from './test-helpers.ts';
import { trainProbe } from './train.ts';

let dir = '';
beforeAll(async () => {
  await initNodeBackend('wasm');
  dir = await mkdtemp(path.join(tmpdir(), 'probe-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('probe folders', () => {
  it('save -> load from disk predicts identically; damaged files name the problem', async () => {
    const train = syntheticFeatures(24, [6, 2, 3], 3, 1);
    const val = syntheticFeatures(9, [6, 2, 3], 3, 2);
    const probe = await trainProbe({
      kind: 'crnn', classes: ['x', 'y', 'z'], train, validation: val,
      featureSpec: { model: 'synthetic', sigma: 0.1, tap: 'd3.0.resnet', pooled: false, shape: [6, 2, 3] },
      settings: { epochs: 1, seed: 2 },
    });
    await saveProbeDir(probe, dir);
    const copy = await loadProbeDir(dir);
    expect(Array.from(await copy.predict(val))).toEqual(Array.from(await probe.predict(val)));
    expect(copy.meta.featureSpec.tap).toBe('d3.0.resnet');
    const meta = JSON.parse(await readFile(path.join(dir, 'probe.json'), 'utf8'));
    expect(meta.threshold.chosenOn).toBe('validation');
    probe.dispose();
    copy.dispose();

    const weights = await readFile(path.join(dir, 'weights.bin'));
    await writeFile(path.join(dir, 'weights.bin'), weights.subarray(0, weights.length - 8));
    await expect(loadProbeDir(dir)).rejects.toThrow(/weights hold \d+ values but the specs need \d+/);
    await writeFile(path.join(dir, 'probe.json'), JSON.stringify({ ...meta, kind: 'lstm' }));
    await expect(loadProbeDir(dir)).rejects.toThrow(/unknown probe head "lstm"/);
    await expect(loadProbeDir(path.join(dir, 'missing'))).rejects.toThrow(/cannot read .*probe.json/);
  });
});

import { existsSync } from 'node:fs';
import { cp, mkdtemp, readFile, rm, writeFile, mkdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import * as tf from '@tensorflow/tfjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { encodeWav } from '../audio/wav-encode.ts';
import { initNodeBackend } from '../compute/node.ts';
import { IRMAS_CLASSES } from '../corpus/classes.ts';
import { makeManifest } from '../corpus/manifest.ts';
import type { ClipRecord } from '../corpus/types.ts';
import { openSweepCorpus, pretrainedHanBaseline } from '../sweep/node.ts';
import { loadHanDir, trainBaselineOnCorpus } from './node.ts';

let root = '';

/** A corpus of pure tones: class i sounds at 150·(i+1) Hz; test clips mix one or two classes. */
async function toneCorpus(dir: string): Promise<void> {
  const clips: ClipRecord[] = [];
  const add = async (id: string, split: ClipRecord['split'], classes: number[], seconds: number) => {
    const n = seconds * 16000;
    const x = new Float32Array(n);
    for (const c of classes) for (let t = 0; t < n; t++) x[t] += 0.3 * Math.sin((2 * Math.PI * 150 * (c + 1) * t) / 16000);
    await mkdir(path.join(dir, split), { recursive: true });
    await writeFile(path.join(dir, split, `${id}.wav`), encodeWav(x, 16000));
    clips.push({ id, file: `${split}/${id}.wav`, split, labels: classes.map((c) => IRMAS_CLASSES[c]), duration: seconds, sampleRate: 16000 });
  };
  for (let c = 0; c < 11; c++) {
    await add(`train-${c}-a`, 'train', [c], 3);
    await add(`train-${c}-b`, 'train', [c], 3);
    await add(`val-${c}`, 'validation', [c], 3);
  }
  await add('test-1', 'test', [0, 5], 5);
  await add('test-2', 'test', [3], 6);
  await writeFile(path.join(dir, 'manifest.json'), JSON.stringify(makeManifest('rendered', clips, [])));
}

beforeAll(async () => {
  await initNodeBackend('wasm');
  root = await mkdtemp(path.join(tmpdir(), 'han-'));
  await toneCorpus(path.join(root, 'corpus'));
});
afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

describe('trainBaselineOnCorpus', () => {
  it('trains on a corpus folder, writes model.json + weights.bin + card.md, and reloads', async () => {
    const out = path.join(root, 'han');
    const start = tf.memory().numTensors;
    const { model, evaluation } = await trainBaselineOnCorpus({
      corpus: path.join(root, 'corpus'), out, config: { filters: [4, 8, 8, 8], dense: 16 },
      settings: { epochs: 2, batchSize: 16, seed: 3 },
    });
    for (const f of ['model.json', 'weights.bin', 'card.md']) expect(existsSync(path.join(out, f))).toBe(true);
    const card = await readFile(path.join(out, 'card.md'), 'utf8');
    expect(card).toMatch(/Test \(2 clips\): micro F1 \d\.\d{3}/);
    expect(card).toMatch(/66 windows/);
    expect(evaluation.threshold.values).toEqual(model.meta.threshold.values);
    expect(model.meta.provenance?.test).toBeDefined();
    const copy = await loadHanDir(out);
    expect(copy.meta.threshold).toEqual(model.meta.threshold);
    model.dispose();
    copy.dispose();
    expect(tf.memory().numTensors).toBe(start);
    await expect(loadHanDir(path.join(root, 'nothing'))).rejects.toThrow(/cannot read .*model.json/);
    await expect(trainBaselineOnCorpus({ corpus: path.join(root, 'nope'), out })).rejects.toThrow(/not a folder and not a preset/);
  });

  it('as a sweep baseline, is accepted for the same corpus content in another folder and refused for other content', async () => {
    const out = path.join(root, 'han');
    const moved = path.join(root, 'moved-corpus');
    await cp(path.join(root, 'corpus'), moved, { recursive: true });
    const runner = pretrainedHanBaseline(out);
    const cell = await runner.run(await openSweepCorpus(moved), { seed: 1 });
    expect(cell.test.clips).toBe(2);
    const manifest = JSON.parse(await readFile(path.join(moved, 'manifest.json'), 'utf8'));
    manifest.clips[0].labels = ['voi'];
    await writeFile(path.join(moved, 'manifest.json'), JSON.stringify(manifest));
    await expect(runner.run(await openSweepCorpus(moved), { seed: 1 })).rejects.toThrow(/was trained on rendered-corpus-[0-9a-f]{12}, the sweep uses rendered-moved-corpus-[0-9a-f]{12}/);
  });
});

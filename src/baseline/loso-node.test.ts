// runLoso on a small corpus of synthetic tone clips whose parts name their sources: one file per
// fold, the table, folds with the same training set sharing a model, a re-run keeping finished
// folds, other settings refused in the same folder, and no tensor left behind.
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import * as tf from '@tensorflow/tfjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { encodeWav } from '../audio/wav-encode.ts';
import { initNodeBackend } from '../compute/node.ts';
import type { IrmasClass } from '../corpus/classes.ts';
import { makeManifest } from '../corpus/manifest.ts';
import { synthesiseToneClip } from '../corpus/synthetic-tones.ts';
import type { ClipRecord, PartRecord, Split } from '../corpus/types.ts';
import { runLoso, type LosoFoldEvent } from './loso-node.ts';
import type { HanConfig } from './model.ts';

let root = '';
const SF = 'sf:FluidR3Mono_GM';
const TINY_HAN: Partial<HanConfig> = { filters: [4, 8, 8, 8], dense: 16 };

/** cel/flu/pia clips; the lead alternates between a library and the SoundFont bank; libB also accompanies. */
async function sourcedCorpus(dir: string): Promise<void> {
  const clips: ClipRecord[] = [];
  let k = 0;
  const add = async (id: string, split: Split, cls: IrmasClass, lead: string, extra?: string) => {
    const file = `${split}/${id}.wav`;
    await mkdir(path.join(dir, split), { recursive: true });
    await writeFile(path.join(dir, file), encodeWav(synthesiseToneClip([cls], 2, split, 10 + k++), 16000));
    const parts: PartRecord[] = [{ class: cls, role: 'lead', program: 0, gainDb: 0, labelled: true, source: lead }];
    if (extra) parts.push({ class: 'org', role: 'counter', program: 0, gainDb: -6, labelled: false, source: extra });
    clips.push({ id, file, split, labels: [cls], duration: 2, sampleRate: 16000, bank: 'FluidR3Mono_GM', parts });
  };
  for (const cls of ['cel', 'flu', 'pia'] as const) {
    for (let i = 0; i < 4; i++) await add(`train-${cls}-${i}`, 'train', cls, i % 2 ? SF : cls === 'pia' ? 'libB' : 'libA', i === 2 ? 'libB' : undefined);
    await add(`val-${cls}-0`, 'validation', cls, SF);
    await add(`val-${cls}-1`, 'validation', cls, 'libA');
  }
  await add('test-0', 'test', 'cel', 'libT');
  await add('test-1', 'test', 'pia', 'libU');
  await writeFile(path.join(dir, 'manifest.json'), JSON.stringify(makeManifest('rendered', clips, [])));
}

beforeAll(async () => {
  await initNodeBackend('wasm');
  root = await mkdtemp(path.join(tmpdir(), 'loso-'));
  await sourcedCorpus(path.join(root, 'corpus'));
});
afterAll(() => rm(root, { recursive: true, force: true }));

describe('runLoso', () => {
  it('trains one model per training set, writes each fold and the table, and keeps finished folds on a re-run', async () => {
    const out = path.join(root, 'loso');
    const start = tf.memory().numTensors;
    const events: LosoFoldEvent[] = [];
    const opts = { corpus: path.join(root, 'corpus'), out, sources: ['libA', 'libT', 'libU'], config: TINY_HAN, settings: { epochs: 1, batchSize: 8, seed: 2 } };
    const r = await runLoso(opts, { onFold: (e) => events.push(e) });
    expect(events.map((e) => `${e.source}:${e.status}`)).toEqual(['libA:start', 'libA:done', 'libT:start', 'libT:done', 'libU:start', 'libU:done']);
    const [a, t, u] = r.folds;
    // libA leads cel/flu train clips 0 and 2 and the validation clips 1; nothing else uses it.
    expect(a).toMatchObject({ source: 'libA', trainClips: 8, validationClips: 3, excluded: { train: 4, validation: 3 }, scoredBy: { train: 4, validation: 3, test: 0, multi: 0 } });
    expect(a.report.clips).toBe(7);
    expect(a.support).toEqual({ cel: 3, flu: 3, pia: 1 });
    // Test-only sources: nothing in training uses them, so both folds use one model.
    expect(t.trainClips).toBe(12);
    expect(t.sharedModelWith).toBeUndefined();
    expect(u.sharedModelWith).toBe('libT');
    expect(u.threshold).toEqual(t.threshold);
    expect(tf.memory().numTensors).toBe(start);
    for (const s of ['libA', 'libT', 'libU']) expect(existsSync(path.join(out, 'folds', `${s}.json`))).toBe(true);
    const md = await readFile(path.join(out, 'loso.md'), 'utf8');
    expect(md).toMatch(/^# Leave-one-source-out: Han CNN on rendered-corpus-[0-9a-f]{12}/);
    expect(md).toMatch(/\| libA \| 8 \/ 3 \(4 \/ 3\) \| \d\.\d{3} \| 7 \(4\+3\+0\+0\) \|/);
    expect(a.validationF1!.micro).toBeGreaterThanOrEqual(0);
    expect(JSON.parse(await readFile(path.join(out, 'loso.json'), 'utf8')).folds).toHaveLength(3);

    const again: LosoFoldEvent[] = [];
    const r2 = await runLoso({ ...opts, sources: ['libA', 'libB'] }, { onFold: (e) => again.push(e) });
    expect(again.map((e) => `${e.source}:${e.status}`)).toEqual(['libA:kept', 'libB:start', 'libB:done']);
    expect(r2.folds[0]).toEqual(a);
    // libB leads the pia clips 0 and 2 and accompanies train clips 2 of cel and flu.
    expect(r2.folds[1]).toMatchObject({ excluded: { train: 4, validation: 0 }, scoredBy: { train: 2, validation: 0, test: 0, multi: 0 } });
    expect(tf.memory().numTensors).toBe(start);

    await expect(runLoso({ ...opts, settings: { epochs: 2, batchSize: 8, seed: 2 } })).rejects.toThrow(/libA\.json holds a fold made with other settings or another corpus/);
  });

  it('refuses a fold left with no validation clips, naming the source', async () => {
    const dir = path.join(root, 'one-val');
    await sourcedCorpus(dir);
    const m = JSON.parse(await readFile(path.join(dir, 'manifest.json'), 'utf8'));
    m.clips = m.clips.filter((c: ClipRecord) => c.split !== 'validation' || c.parts![0].source === 'libA');
    await writeFile(path.join(dir, 'manifest.json'), JSON.stringify(m));
    await expect(runLoso({ corpus: dir, out: path.join(root, 'x'), sources: ['libA'], config: TINY_HAN, settings: { epochs: 1 } }))
      .rejects.toThrow(/without libA no validation clips are left/);
  });
});

// The `scoreFolder` worker request in Node with the shipped Han CNN (fetched as the app would):
// the same FolderScore as src/recognition's scoreFolder on the folder read from disk (the CLI's
// pipeline), an unreadable file skipped and listed, the model kept warm without leaking tensors.
import * as tf from '@tensorflow/tfjs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { encodeWav } from '../../audio/index.ts';
import { loadAudio16k } from '../../audio/load.ts';
import { REPO_ROOT, sine } from '../../audio/test-helpers.ts';
import { loadHanDir } from '../../baseline/node.ts';
import { modelIdentity, loadCalibrationFor } from '../../recognition/open-node.ts';
import { hanRecognizer } from '../../recognition/recognizer.ts';
import { scoreFolder } from '../../recognition/score-folder.ts';
import type { HandlerContext } from '../handler.ts';
import { initNodeBackend } from '../node.ts';
import { scoreFolderHandler } from './score-folder.ts';
import { modelsFetch } from './test-models-fetch.ts';

const appBase = 'http://lab.test/score/';
const realFetch = globalThis.fetch;
const { fetchFn } = modelsFetch(appBase);
const context = (): HandlerContext => ({
  id: 1, signal: new AbortController().signal, onProgress: () => undefined, transfer: () => undefined, notice: () => undefined, runtime: undefined as never,
});

beforeAll(async () => {
  await initNodeBackend('wasm');
  globalThis.fetch = fetchFn;
});
afterAll(() => {
  globalThis.fetch = realFetch;
});

const wav = (hz: number) => encodeWav([sine(hz, 16000, 1.6, 0.3)], 16000);

describe('scoreFolder request', () => {
  it('scores a labelled folder with the Han CNN as the CLI pipeline does', async () => {
    const files = [
      { name: 'a.wav', labels: ['flu'], bytes: wav(880) },
      { name: 'b.wav', labels: ['cel', 'vio'], bytes: wav(196) },
      { name: 'c.wav', labels: [], bytes: wav(440) },
      { name: 'notes.wav', labels: ['pia'], bytes: new TextEncoder().encode('not audio at all\n') },
    ];
    const items = files.map((f) => ({ name: f.name, labels: f.labels, file: new Blob([f.bytes.slice()]) }));
    const r = await scoreFolderHandler.run({ items, folderName: 'set', appBase, model: { kind: 'han', folder: 'han-cnn-recorded' } }, context());
    expect(r.unet).toBeNull();
    expect(r.han).toMatchObject({ folder: 'han-cnn-recorded', corpusId: 'rendered-small-seed1-875175ca322d' });
    expect(r.score.files.map((f) => f.name)).toEqual(['a.wav', 'b.wav', 'c.wav']);
    expect(r.score.skipped).toHaveLength(1);
    expect(r.score.skipped[0].name).toBe('notes.wav');
    expect(r.score.skipped[0].why).toMatch(/^notes\.wav: not an audio file the lab can read/);
    expect(r.score.report.classes).toHaveLength(11);
    expect(r.score.confusion.support[r.score.classes.indexOf('vio')]).toBe(1);

    const dir = path.join(REPO_ROOT, 'models/han-cnn-recorded');
    const han = await loadHanDir(dir);
    try {
      const direct = await scoreFolder(
        await Promise.all(files.map(async (f) => ({ name: f.name, labels: f.labels, samples16k: async () => (await loadAudio16k(f.bytes, f.name)).samples }))),
        hanRecognizer(han, { name: 'han-cnn-recorded', identity: modelIdentity(dir, 'han'), calibration: loadCalibrationFor(dir, modelIdentity(dir, 'han')) }),
      );
      expect(r.score).toEqual(direct);
    } finally {
      han.dispose();
    }
    const before = tf.memory().numTensors;
    await scoreFolderHandler.run({ items: items.slice(0, 1), folderName: 'set', appBase, model: { kind: 'han', folder: 'han-cnn-recorded' } }, context());
    expect(tf.memory().numTensors).toBe(before);
  }, 120_000);
});

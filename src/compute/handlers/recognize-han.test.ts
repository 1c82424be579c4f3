// The `recognizeHan` worker request in Node, with fetch served from the repository's models/: the
// same result as recognizeHan on the shipped folder (the CLI's pipeline), labelled with the folder
// and its model.json figures; warm requests leak no tensors; a missing or wrong folder is one clear
// LabError.
import * as tf from '@tensorflow/tfjs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { encodeWav } from '../../audio/index.ts';
import { loadAudio16k } from '../../audio/load.ts';
import { REPO_ROOT, sine } from '../../audio/test-helpers.ts';
import { loadHanDir } from '../../baseline/node.ts';
import { recognizeHan } from '../../baseline/recognize-han.ts';
import { LabError } from '../../common/errors.ts';
import type { Progress } from '../../common/progress.ts';
import type { HandlerContext } from '../handler.ts';
import { initNodeBackend } from '../node.ts';
import { recognizeHanHandler } from './recognize-han.ts';

const appBase = 'http://lab.test/app/';
const realFetch = globalThis.fetch;
const fetched: string[] = [];

function context(progress: Progress[] = []): HandlerContext {
  return {
    id: 1, signal: new AbortController().signal, onProgress: (p) => progress.push(p), transfer: () => undefined,
    notice: () => undefined, runtime: undefined as never,
  };
}

beforeAll(async () => {
  await initNodeBackend('wasm');
  // The app's origin: <appBase>models/... is the repository's models/ folder.
  globalThis.fetch = (async (input: string | URL) => {
    const url = String(input);
    fetched.push(url);
    if (!url.startsWith(`${appBase}models/`)) return new Response('', { status: 404 });
    try {
      return new Response(await readFile(path.join(REPO_ROOT, url.slice(appBase.length))));
    } catch {
      return new Response('', { status: 404 });
    }
  }) as typeof fetch;
});
afterAll(() => {
  globalThis.fetch = realFetch;
});

const wavBytes = (samples: Float32Array) => encodeWav([samples], 16000).slice().buffer;

describe('recognizeHan request', () => {
  it('runs the CLI pipeline on the shipped folder and labels the answer with it', async () => {
    const samples = sine(440, 16000, 2.2, 0.3);
    const progress: Progress[] = [];
    const r = await recognizeHanHandler.run({ bytes: wavBytes(samples), fileName: 'a.wav', appBase, folder: 'han-cnn-recorded' }, context(progress));
    const han = await loadHanDir(path.join(REPO_ROOT, 'models/han-cnn-recorded'));
    try {
      const decoded = (await loadAudio16k(new Uint8Array(wavBytes(samples)), 'a.wav')).samples;
      const direct = await recognizeHan(decoded, han, { hanName: 'han-cnn-recorded' });
      const { fileName, backend, timings, warnings, han: label, ...core } = r;
      expect(core).toEqual(direct);
      expect(fileName).toBe('a.wav');
      expect(backend).toBe('wasm');
      expect(timings.totalMs).toBeGreaterThan(0);
      expect(warnings).toEqual([]);
      expect(label).toEqual({
        folder: 'han-cnn-recorded', corpusId: 'rendered-small-seed1-875175ca322d', trainClips: 660, epochs: 20,
        validationMicroF1: han.meta.metrics.validation.microF1, testMicroF1: 0.354639175257732,
      });
    } finally {
      han.dispose();
    }
    expect(progress.map((p) => p.stage)).toContain('loading the Han CNN');
    expect(progress.at(-1)).toMatchObject({ stage: 'Han CNN', done: 4, total: 4 });
    expect(fetched).toEqual([`${appBase}models/han-cnn-recorded/model.json`, `${appBase}models/han-cnn-recorded/weights.bin`]);

    // Warm: nothing fetched again, no tensor left behind.
    const before = tf.memory().numTensors;
    await recognizeHanHandler.run({ bytes: wavBytes(samples), fileName: 'b.wav', appBase, folder: 'han-cnn-recorded' }, context());
    expect(tf.memory().numTensors).toBe(before);
    expect(fetched).toHaveLength(2);
  }, 120_000);

  it('names a missing or wrong folder', async () => {
    const bytes = () => wavBytes(sine(440, 16000, 1, 0.3));
    const err = (folder: string) => recognizeHanHandler.run({ bytes: bytes(), fileName: 'a.wav', appBase, folder }, context()).then(() => null, (e: unknown) => e);
    const missing = await err('han-cnn-gone');
    expect(missing).toBeInstanceOf(LabError);
    expect((missing as Error).message).toBe('Han CNN models/han-cnn-gone/ is not in this build (model.json: HTTP 404)');
    expect(((await err('student-v1')) as Error).message).toBe('Han CNN models/student-v1/: not a Han CNN model (model.json format is not "diffpir-han-cnn")');
    expect(((await err('../secrets')) as Error).message).toMatch(/^Han CNN "\.\.\/secrets": expected a folder name under models\//);
  }, 60_000);
});

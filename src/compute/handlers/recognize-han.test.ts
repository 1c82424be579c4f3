// The `recognizeHan` worker request in Node, with fetch served from the repository's models/: the
// same result as recognizeHan on the shipped folder (the CLI's pipeline), labelled with the folder
// and its model.json figures; warm requests leak no tensors; a calibration.json fitted for the
// weights is applied, a stale one refused; a missing or wrong folder is one clear LabError.
import { loadCalibrationFor, modelIdentity } from '../../recognition/open-node.ts';
import * as tf from '@tensorflow/tfjs';
import { createHash } from 'node:crypto';
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
import { weightsIdentity } from '../../recognition/identity.ts';
import type { HandlerContext } from '../handler.ts';
import { initNodeBackend } from '../node.ts';
import { recognizeHanHandler } from './recognize-han.ts';
import { modelsFetch } from './test-models-fetch.ts';

const appBase = 'http://lab.test/app/';
const realFetch = globalThis.fetch;
// models/han-cal-*/ are han-cnn-recorded with a calibration.json from `virtual`.
const { fetchFn, fetched, virtual } = modelsFetch(appBase, (rel) => rel.replace(/^models\/han-cal-\w+\//, 'models/han-cnn-recorded/'));

function context(progress: Progress[] = []): HandlerContext {
  return {
    id: 1, signal: new AbortController().signal, onProgress: (p) => progress.push(p), transfer: () => undefined,
    notice: () => undefined, runtime: undefined as never,
  };
}

beforeAll(async () => {
  await initNodeBackend('wasm');
  globalThis.fetch = fetchFn;
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
      const dir = path.join(REPO_ROOT, 'models/han-cnn-recorded');
      const calibration = loadCalibrationFor(dir, modelIdentity(dir, 'han'));
      expect(calibration).not.toBeNull(); // the shipped folder carries one
      const direct = await recognizeHan(decoded, han, { hanName: 'han-cnn-recorded', calibration });
      const { fileName, backend, timings, warnings, han: label, identity, ...core } = r;
      expect(core).toEqual(direct);
      expect(identity).toEqual(modelIdentity(dir, 'han')); // what a combination's calibration is checked against
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
    expect(fetched).toEqual(['model.json', 'weights.bin', 'calibration.json'].map((f) => `${appBase}models/han-cnn-recorded/${f}`));
    expect(r.decision).toBe('calibrated');
    expect(r.calibration).toMatchObject({ fittedOn: 'real-validation-v2' });

    // Warm: nothing fetched again, no tensor left behind.
    const before = tf.memory().numTensors;
    await recognizeHanHandler.run({ bytes: wavBytes(samples), fileName: 'b.wav', appBase, folder: 'han-cnn-recorded' }, context());
    expect(tf.memory().numTensors).toBe(before);
    expect(fetched).toHaveLength(3);
  }, 120_000);

  it('applies the folder\'s calibration.json when fitted for its weights, and refuses a stale one', async () => {
    const weights = await readFile(path.join(REPO_ROOT, 'models/han-cnn-recorded/weights.bin'));
    const identity = await weightsIdentity('han', new Uint8Array(weights));
    expect(identity.weights).toBe(createHash('sha256').update(weights).digest('hex').slice(0, 16)); // what open-node.ts records
    const classes = JSON.parse(await readFile(path.join(REPO_ROOT, 'models/han-cnn-recorded/model.json'), 'utf8')).classes as string[];
    const cal = (w: string) => JSON.stringify({
      format: 'diffpir-calibration', version: 1, method: 'platt', input: 'clip-mean-probability', model: { kind: 'han', weights: w },
      fittedOn: { name: 'test-set', contentId: 'abcdefabcdef', split: 'validation', clips: 10, skipped: 0 },
      thresholdRule: { objective: 'f1', floor: 0.2, step: 0.01, ties: 'nearest 0.5, then the lower value' },
      // Identity mappings; every class needs 0.6 except voi, which needs 0.99.
      classes: classes.map((code) => ({ code, a: 1, b: 0, threshold: code === 'voi' ? 0.99 : 0.6, fitted: true, positives: 1, negatives: 9, validationF1: 0.5 })),
      ece: { before: 0.2, after: 0.1, bins: 10, pairs: 110 }, reliability: { before: [], after: [] },
    });
    virtual.set('models/han-cal-ok/calibration.json', cal(identity.weights));
    virtual.set('models/han-cal-stale/calibration.json', cal('0123456789abcdef'));
    const bytes = () => wavBytes(sine(440, 16000, 2.2, 0.3));
    const r = await recognizeHanHandler.run({ bytes: bytes(), fileName: 'a.wav', appBase, folder: 'han-cal-ok' }, context());
    expect(r.decision).toBe('calibrated');
    expect(r.calibration).toEqual({ fittedOn: 'test-set', contentId: 'abcdefabcdef', clips: 10, eceBefore: 0.2, eceAfter: 0.1 });
    expect(r.threshold).toMatchObject({ voi: 0.99, pia: 0.6 });
    for (const i of r.instruments) {
      expect(i.calibrated).toBeCloseTo(i.probability, 3);
      expect(i.predicted).toBe(i.calibrated! >= (i.code === 'voi' ? 0.99 : 0.6));
    }
    expect(r.top3).toHaveLength(3);
    expect(r.confidence).toBe(r.recognized.length ? 'confident' : 'not-sure');
    // A server's web page (SPA fallback) instead of calibration.json: no calibration.
    virtual.set('models/han-cal-page/calibration.json', '<!doctype html><title>DiffPIR Lab</title>');
    expect((await recognizeHanHandler.run({ bytes: bytes(), fileName: 'a.wav', appBase, folder: 'han-cal-page' }, context())).decision).toBe('model-rule');
    const stale = await recognizeHanHandler.run({ bytes: bytes(), fileName: 'a.wav', appBase, folder: 'han-cal-stale' }, context()).catch((e: Error) => e);
    expect((stale as Error).message).toBe(
      `models/han-cal-stale/calibration.json was fitted for other weights (han 0123456789abcdef, the folder has han ${identity.weights}); ` +
        'refit it with `npx diffpir calibrate models/han-cal-stale --on <validation set>`',
    );
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

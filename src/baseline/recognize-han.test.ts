// recognizeHan with the shipped Han CNN (models/han-cnn-small) on a synthetic 2.3 s clip: the
// RecognitionResult shape, one timeline row per 1 s window (hop 0.5 s plus a tail window), the
// same clip scores as HanModel.scoreClips, and no leaked tensors.
import * as tf from '@tensorflow/tfjs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { logMel } from '../audio/mel.ts';
import { REPO_ROOT, sine } from '../audio/test-helpers.ts';
import { initNodeBackend } from '../compute/node.ts';
import type { HanModel } from './han.ts';
import { loadHanDir } from './node.ts';
import { HAN_MODEL_NAME, recognizeHan } from './recognize-han.ts';

const HAN_DIR = path.join(REPO_ROOT, 'models/han-cnn-small');

/** 2.3 s at 16 kHz: a 440 Hz tone with two harmonics, louder in its second half. */
function clip(): Float32Array {
  const a = sine(440, 16000, 2.3, 0.3), b = sine(880, 16000, 2.3, 0.15), c = sine(1320, 16000, 2.3, 0.08);
  return a.map((v, i) => (v + b[i] + c[i]) * (i < a.length / 2 ? 0.5 : 1));
}

let han: HanModel;
beforeAll(async () => {
  await initNodeBackend('wasm');
  han = await loadHanDir(HAN_DIR);
});
afterAll(() => han?.dispose());

describe('recognizeHan', () => {
  it('gives the recognize result shape, a window per 1 s span and the scores of HanModel.scoreClips', async () => {
    const samples = clip();
    const start = tf.memory().numTensors;
    const r = await recognizeHan(samples, han, { hanName: 'models/han-cnn-small' });
    expect(tf.memory().numTensors).toBe(start);

    expect(Object.keys(r).sort()).toEqual([
      'calibration', 'confidence', 'decision', 'duration', 'instruments', 'model', 'probe', 'recognized', 'threshold', 'top3', 'verdict', 'windows',
    ]);
    expect(r).toMatchObject({ decision: 'model-rule', calibration: null });
    expect(r.top3).toHaveLength(3);
    expect(r.confidence).toBe(r.recognized.length ? 'confident' : 'not-sure');
    expect(r.model).toBe(HAN_MODEL_NAME);
    expect(r.probe).toBe('models/han-cnn-small');
    expect(r.duration).toBe(2.3);
    expect(r.threshold).toBe(han.meta.threshold.values[0]);
    expect(r.instruments.map((i) => i.code)).toEqual(han.classes);
    for (const i of r.instruments) {
      expect(Object.keys(i).sort()).toEqual(['code', 'predicted', 'probability', 'score']);
      expect(i.probability).toBeGreaterThanOrEqual(0);
      expect(i.probability).toBeLessThanOrEqual(1);
      expect(i.score).toBeGreaterThanOrEqual(0);
      expect(i.score).toBeLessThanOrEqual(1);
      expect(i.predicted).toBe(i.score >= han.meta.threshold.values[0]);
    }
    expect(Math.max(...r.instruments.map((i) => i.score))).toBe(1); // mean-max: the top class scores 1

    // 2.3 s = 115 frames: windows at 0, 25, 50 frames, then a tail window 65-115.
    expect(r.windows.map((w) => [w.start, w.end])).toEqual([[0, 1], [0.5, 1.5], [1, 2], [1.3, 2.3]]);
    for (const w of r.windows) {
      expect(Object.keys(w.probabilities)).toEqual(han.classes);
      for (const p of Object.values(w.probabilities)) expect(p >= 0 && p <= 1).toBe(true);
    }
    for (const [c, i] of r.instruments.entries()) {
      const mean = r.windows.reduce((s, w) => s + w.probabilities[i.code], 0) / r.windows.length;
      expect(i.probability, han.classes[c]).toBeCloseTo(mean, 3);
    }

    const lm = logMel(samples);
    const ref = await han.scoreClips([{ id: 'x', mel: lm.logMel, frames: lm.frames, labels: new Uint8Array(han.classes.length) }]);
    const decided = han.decide(ref.scores).rows[0];
    r.instruments.forEach((i, c) => {
      expect(i.score).toBeCloseTo(ref.scores.rows[0][c], 4);
      expect(i.predicted).toBe(decided[c] === 1);
    });
  });

  it('scores a clip shorter than one window as a single padded window', async () => {
    const start = tf.memory().numTensors;
    const r = await recognizeHan(sine(440, 16000, 0.4), han);
    expect(tf.memory().numTensors).toBe(start);
    expect(r.windows.map((w) => [w.start, w.end])).toEqual([[0, 0.4]]);
    expect(r.probe).toBe('Han CNN');
  });
});

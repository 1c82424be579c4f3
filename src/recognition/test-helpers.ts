// Test helpers for recognition: a stub recognizer whose raw probabilities are the first samples
// of the clip (so a test controls them exactly), and a tiny Han CNN folder whose outputs are
// known: every conv is the identity on one channel, so the network's one dense feature is about
// the window's loudest log-mel value M (positive for a tone, ~0 for silence) and class c's
// probability is sigmoid(weights[c] * M + biases[c]).
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Calibration } from '../calibration/types.ts';
import { encodeWav } from '../audio/wav-encode.ts';
import { hanDecls, type HanConfig } from '../baseline/model.ts';
import { aggregateWindows } from '../evaluation/windows.ts';
import { finishRecognition } from '../features/confidence.ts';
import type { Recognizer } from './recognizer.ts';

/** Raw probabilities = samples[0..k-1]; the model's rule: mean-max score >= 0.5. */
export function stubRecognizer(classes: readonly string[], calibration: Calibration | null = null): Recognizer & { calls: number } {
  const stub = {
    name: 'stub', identity: { kind: 'han' as const, weights: 'stub' }, classes, calibration, calls: 0,
    recognize: async (samples: Float32Array) => {
      stub.calls++;
      const p = Array.from(samples.subarray(0, classes.length), (v) => Math.round(v * 1e4) / 1e4);
      const score = aggregateWindows([p], 'mean-max');
      return finishRecognition({
        instruments: classes.map((code, c) => ({ code, probability: p[c], score: Math.round(score[c] * 1e4) / 1e4, predicted: score[c] >= 0.5 })),
        threshold: 0.5,
        windows: [{ start: 0, end: 1, probabilities: Object.fromEntries(classes.map((c, i) => [c, p[i]])) }],
        model: 'stub', probe: 'stub', duration: 1,
      }, calibration);
    },
    dispose: () => {},
  };
  return stub;
}

/** Samples a stub recognizer reads as these raw probabilities. */
export const probs = (...p: number[]): Float32Array => Float32Array.from(p);

/** Writes a tiny Han CNN folder (model.json + weights.bin) whose class c gives sigmoid(weights[c] * M + biases[c]). */
export async function writeTinyHan(dir: string, classes: string[], weights: number[], biases: number[], threshold = 0.5): Promise<void> {
  const config: HanConfig = { filters: [1, 1, 1, 1], dense: 1, classes: classes.length, mels: 128, frames: 50, leakyAlpha: 0.33, blockDropout: 0, denseDropout: 0 };
  const decls = hanDecls(config);
  const values: number[] = [];
  for (const d of decls) {
    const n = d.shape.reduce((a, b) => a * b, 1);
    const v = new Array<number>(n).fill(0);
    if (d.name === 'norm.std') v[0] = 1;
    else if (d.name.endsWith('.kernel') && d.name.startsWith('block')) v[4] = 1; // centre tap of a 3x3x1x1 kernel
    else if (d.name === 'dense.kernel') v[0] = 1;
    else if (d.name === 'out.kernel') weights.forEach((w, c) => (v[c] = w));
    else if (d.name === 'out.bias') biases.forEach((b, c) => (v[c] = b));
    values.push(...v);
  }
  const meta = {
    format: 'diffpir-han-cnn', version: 1, config, classes,
    framing: { sampleRate: 16000, hopLength: 320, windowFrames: 50, trainHopFrames: 50, evalHopFrames: 25 },
    threshold: { mode: 'global', objective: 'micro-f1', classes, values: classes.map(() => threshold), chosenOn: 'validation', validationScore: 1, validationClips: 1 },
    aggregation: 'mean-max', training: {}, seed: 1, parameters: 0,
    metrics: { bestEpoch: 0, stopReason: 'max-epochs', epochs: [], validation: { microF1: 1, macroF1: 1, clips: 1 }, trainClips: 0, trainWindows: 0, validationWindows: 0, trainSeconds: 0, backend: 'test' },
    weights: decls.map((d) => ({ name: d.name, shape: d.shape, dtype: 'float32' })),
    weightsFile: 'weights.bin',
  };
  await mkdir(dir, { recursive: true });
  await writeFile(path.join(dir, 'weights.bin'), new Uint8Array(Float32Array.from(values).buffer));
  await writeFile(path.join(dir, 'model.json'), JSON.stringify(meta));
}

/** The tiny Han CNN of the CLI tests: flu, pia, voi; a tone is piano (M ~ 3.6 at amplitude 0.3, 1.8 at 0.05), silence is nothing. */
export const TINY_HAN = { classes: ['flu', 'pia', 'voi'], weights: [0, 2, 0], biases: [-3, -3, -3.5] };

/** 16 kHz wav bytes: a 440 Hz tone of `amplitude` (0: silence). */
export function toneWav(amplitude: number, seconds = 1.5): Uint8Array {
  const n = Math.round(seconds * 16000);
  return encodeWav(Float32Array.from({ length: n }, (_, i) => amplitude * Math.sin((2 * Math.PI * 440 * i) / 16000)), 16000);
}

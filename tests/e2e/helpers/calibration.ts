// A calibration.json for a shipped Han CNN folder, made in the test (not shipped): identity
// mappings except a few classes, thresholds of 0.5, reliability bins before/after for the Models
// page's diagram; `model.weights` is the folder's weights hash, so the app applies it.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { ROOT } from './test-page.ts';

export function testCalibration(folder: string): Record<string, unknown> {
  const dir = path.join(ROOT, 'models', folder);
  const meta = JSON.parse(readFileSync(path.join(dir, 'model.json'), 'utf8')) as { classes: string[]; weightsFile?: string };
  const weights = createHash('sha256').update(readFileSync(path.join(dir, meta.weightsFile ?? 'weights.bin'))).digest('hex').slice(0, 16);
  const bins = (points: [number, number, number][]) => Array.from({ length: 10 }, (_, k) => {
    const p = points.find(([lo]) => Math.abs(lo - k / 10) < 1e-9);
    return { lower: k / 10, upper: (k + 1) / 10, count: p ? p[1] : 0, meanPredicted: p ? k / 10 + 0.05 : null, fractionPositive: p ? p[2] : null };
  });
  return {
    format: 'diffpir-calibration', version: 1, method: 'platt', input: 'clip-mean-probability', created: '2026-01-01T00:00:00Z',
    model: { kind: 'han', weights },
    fittedOn: { name: 'e2e-fixture', contentId: '0123456789ab', split: 'validation', clips: 40, skipped: 0 },
    thresholdRule: { objective: 'f1', floor: 0.2, step: 0.01, ties: 'nearest 0.5, then the lower value' },
    classes: meta.classes.map((code) => ({ code, a: 1, b: 0, threshold: code === 'voi' ? 0.99 : 0.5, fitted: true, positives: 4, negatives: 36, validationF1: 0.5 })),
    ece: { before: 0.183, after: 0.071, bins: 10, pairs: 440 },
    reliability: {
      before: bins([[0, 300, 0.02], [0.1, 60, 0.2], [0.4, 30, 0.2], [0.8, 30, 0.4], [0.9, 20, 0.55]]),
      after: bins([[0, 280, 0.03], [0.1, 70, 0.12], [0.3, 40, 0.35], [0.6, 30, 0.6], [0.8, 20, 0.8]]),
    },
  };
}

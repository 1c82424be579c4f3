// Recognition: 16 kHz samples -> the probe's features (the model, sigma, tap, pooling, noise seed
// and window it was trained on, from its featureSpec) -> per-window probabilities -> clip scores
// aggregated as the probe was validated (mean, then divided by the top class) -> decisions at the
// probe's validation threshold, or at calibrated thresholds when a calibration is given, and the
// confident / not-sure verdict with the top 3 (confidence.ts). Browser-safe: the app's worker and the CLI both call recognize().
import { LabError } from '../common/errors.ts';
import type { JobOptions } from '../common/progress.ts';
import { melFrameCount } from '../audio/mel.ts';
import { aggregateWindows } from '../evaluation/windows.ts';
import type { Calibration } from '../calibration/types.ts';
import type { Probe } from '../probes/probe.ts';
import { NO_CACHE, type FeatureCache } from './cache.ts';
import { finishRecognition } from './confidence.ts';
import { FeatureExtractor } from './extract.ts';
import type { ModelSource } from './model-source.ts';
import type { RecognitionResult } from './recognition-types.ts';
import { clipWindows, DEFAULT_WINDOW, spanSeconds, type WindowSpec } from './windows.ts';

export type { CalibrationSummary, Confidence, InstrumentScore, RecognitionResult, RecognitionScores } from './recognition-types.ts';

export interface RecognizeOptions extends JobOptions {
  cache?: FeatureCache;
  batchSize?: number;
  /** How the probe is named in the result (its folder, by default its kind and tap). */
  probeName?: string;
  /** The probe folder's calibration.json, when it has one: calibrated probabilities and decisions. */
  calibration?: Calibration | null;
}

/** The features a probe reads, from its featureSpec (older probes default to the standard window and seed 0). */
export function probeRequest(probe: Probe): { sigma: number; tap: string; pooled: boolean; noiseSeed: number; window: WindowSpec } {
  const spec = probe.meta.featureSpec;
  const window = (spec.window as WindowSpec | undefined) ?? DEFAULT_WINDOW;
  return { sigma: spec.sigma, tap: spec.tap, pooled: spec.pooled, noiseSeed: typeof spec.noiseSeed === 'number' ? spec.noiseSeed : 0, window };
}

/** Checks that `model` is the model the probe was trained on (same id, and same weights when recorded). */
export function checkProbeModel(probe: Probe, model: ModelSource): void {
  const spec = probe.meta.featureSpec;
  if (typeof spec.modelHash === 'string' && spec.modelHash !== model.hash) {
    throw new LabError(`probe was trained on features of ${spec.model} (weights ${spec.modelHash.slice(0, 12)}), but the model given is ${model.id} (weights ${model.hash.slice(0, 12)})`);
  }
  if (spec.modelHash === undefined && spec.model !== model.id) {
    throw new LabError(`probe was trained on features of ${spec.model}, but the model given is ${model.id}`);
  }
}

export async function recognize(samples: Float32Array, probe: Probe, model: ModelSource, opts: RecognizeOptions = {}): Promise<RecognitionResult> {
  checkProbeModel(probe, model);
  const req = probeRequest(probe);
  const extractor = new FeatureExtractor(model, opts.cache ?? NO_CACHE);
  try {
    const [clip] = await extractor.extract([{ id: 'input', read: async () => samples }], { ...req, taps: [req.tap] }, opts);
    const feats = clip.taps.get(req.tap)!;
    const probs = await probe.predict({ shape: feats.shape, data: feats.data, count: feats.windows });
    const classes = probe.classes;
    const k = classes.length;
    const rows = Array.from({ length: feats.windows }, (_, w) => probs.subarray(w * k, (w + 1) * k));
    const mean = aggregateWindows(rows, 'mean');
    const score = aggregateWindows(rows, probe.meta.aggregation);
    const decided = probe.decide({ classes, rows: [score] }).rows[0];
    const spans = clipWindows(melFrameCount(samples.length), req.window);
    if (spans.length !== feats.windows) throw new LabError(`recognize: ${spans.length} windows but ${feats.windows} feature rows`);
    const t = probe.threshold;
    return finishRecognition({
      instruments: classes.map((code, c) => ({ code, probability: round(mean[c]), score: round(score[c]), predicted: decided[c] === 1 })),
      threshold: t.mode === 'global' ? t.values[0] : Object.fromEntries(classes.map((c, i) => [c, t.values[i]])),
      windows: spans.map((span, w) => {
        const s = spanSeconds(span);
        return { start: s.start, end: Math.min(s.end, round(samples.length / 16000)), probabilities: Object.fromEntries(classes.map((c, i) => [c, round(rows[w][i])])) };
      }),
      model: model.id,
      probe: opts.probeName ?? `${probe.meta.kind} at ${req.tap}, sigma ${req.sigma}`,
      duration: round(samples.length / 16000),
    }, opts.calibration);
  } finally {
    extractor.dispose();
  }
}

function round(x: number): number {
  return Math.round(x * 1e4) / 1e4;
}

// The Han et al. CNN as the sweep's baseline cell: trained here on the corpus's train clips (1 s
// log-mel windows), early-stopped and thresholded on validation, then scored on the test clips
// with the same clip-level metrics as the probes. Its epochs and patience are capped by the
// sweep's probe settings (so a quick sweep stays quick); its seed is the probe seed. A Han CNN
// trained before on the same corpus can be scored instead (sweep/node.ts, --baseline <dir>).
import * as tf from '@tensorflow/tfjs';
import { logMel } from '../audio/mel.ts';
import { classWiseMetrics } from '../evaluation/metrics.ts';
import type { MetricsReport } from '../evaluation/types.ts';
import { labelSet } from '../evaluation/labels.ts';
import { HAN_FIT, trainHan } from '../baseline/train.ts';
import type { HanModel } from '../baseline/han.ts';
import type { MelClipLabelled } from '../baseline/windows.ts';
import { LabError } from '../common/errors.ts';
import { throwIfCancelled } from '../common/progress.ts';
import type { LabelledClip } from '../features/dataset.ts';
import { outsideMetrics, type OutsideSet } from './outside.ts';
import type { BaselineRunner, CellOutcome, Split, SweepCorpus, SweepSettings } from './types.ts';

/** A split's clips as raw log-mels with multi-hot labels. */
export function melClips(corpus: SweepCorpus, split: Split, signal?: AbortSignal): Promise<MelClipLabelled[]> {
  return melClipsOf(corpus.clips.filter((x) => x.split === split), corpus.classes, signal);
}

/** Clips as raw log-mels with multi-hot labels over `classes`. */
export async function melClipsOf(clips: readonly LabelledClip[], classes: readonly string[], signal?: AbortSignal): Promise<MelClipLabelled[]> {
  const out: MelClipLabelled[] = [];
  for (const c of clips) {
    throwIfCancelled(signal, 'baseline');
    const lm = logMel(await c.read());
    const labels = new Uint8Array(classes.length);
    for (const l of c.labels) labels[classes.indexOf(l)] = 1;
    out.push({ id: c.id, mel: lm.logMel, frames: lm.frames, labels });
  }
  return out;
}

/** The cell of a trained Han CNN: its stored validation figures and its test scores (test labels read last). */
export async function hanCell(han: HanModel, test: MelClipLabelled[], corpus: SweepCorpus, name: string, started: number, featureSeconds: number): Promise<CellOutcome> {
  if (han.classes.join() !== corpus.classes.join()) {
    throw new LabError(`Han CNN ${name}: classes ${han.classes.join(',')} differ from the corpus's ${corpus.classes.join(',')}`);
  }
  const scored = await han.scoreClips(test);
  const predictions = han.decide(scored.scores);
  const byId = new Map(test.map((c) => [c.id, c.labels]));
  const report = classWiseMetrics(predictions, labelSet('test', corpus.classes, scored.clipIds.map((id) => byId.get(id)!)));
  const outside = corpus.outside?.length ? await hanOnOutside(han, corpus.outside, corpus.classes) : undefined;
  const m = han.meta.metrics;
  return {
    model: name, pooled: false, featureShape: [han.meta.config.mels, han.meta.framing.windowFrames],
    parameters: han.meta.parameters,
    validation: { microF1: m.validation.microF1, macroF1: m.validation.macroF1 },
    test: report,
    ...(outside ? { outside } : {}),
    threshold: [...han.meta.threshold.values],
    seeds: { probe: han.meta.seed },
    training: { epochs: m.epochs.length, bestEpoch: m.bestEpoch, stopReason: m.stopReason },
    examples: { train: m.trainWindows, validation: m.validationWindows, test: test.length },
    backend: tf.getBackend(),
    seconds: { features: featureSeconds, training: m.trainSeconds, total: (performance.now() - started) / 1000 },
  };
}

/** A Han CNN's clip-level metrics on every outside set (its own log-mel windows). */
export async function hanOnOutside(han: HanModel, sets: readonly OutsideSet[], classes: readonly string[], signal?: AbortSignal): Promise<Record<string, MetricsReport>> {
  const out: Record<string, MetricsReport> = {};
  for (const set of sets) {
    const scored = await han.scoreClips(await melClipsOf(set.clips, classes, signal));
    out[set.name] = outsideMetrics(han.decide(scored.scores), set, classes, scored.clipIds);
  }
  return out;
}

export function hanBaseline(settings: SweepSettings): BaselineRunner {
  return {
    name: 'han-cnn',
    async run(corpus, opts): Promise<CellOutcome> {
      const started = performance.now();
      const [train, validation, test] = [
        await melClips(corpus, 'train', opts.signal), await melClips(corpus, 'validation', opts.signal), await melClips(corpus, 'test', opts.signal),
      ];
      const featureSeconds = (performance.now() - started) / 1000;
      let han: HanModel | undefined;
      try {
        han = await trainHan({
          classes: corpus.classes, train, validation,
          settings: { epochs: Math.min(HAN_FIT.epochs, settings.fit.epochs), patience: Math.min(HAN_FIT.patience, settings.fit.patience), seed: opts.seed },
        }, { signal: opts.signal, onProgress: (p) => opts.onProgress?.({ ...p, stage: 'training Han CNN' }) });
        return await hanCell(han, test, corpus, 'han-cnn', started, featureSeconds);
      } finally {
        han?.dispose();
      }
    },
  };
}

/** The baseline the CLI runs unless told --no-baseline or --baseline <dir>. */
export function defaultBaseline(settings: SweepSettings): BaselineRunner {
  return hanBaseline(settings);
}

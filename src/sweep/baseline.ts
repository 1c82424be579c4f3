// The Han et al. CNN as the sweep's baseline cell: trained on the corpus's train clips (1 s
// log-mel windows), early-stopped and thresholded on validation, scored on the test clips with
// the same clip-level metrics as the probes. Its epochs and patience are capped by the sweep's
// probe settings (so a quick sweep stays quick); its seed is the probe seed.
import * as tf from '@tensorflow/tfjs';
import { logMel } from '../audio/mel.ts';
import { classWiseMetrics } from '../evaluation/metrics.ts';
import { labelSet } from '../evaluation/labels.ts';
import { HAN_FIT, trainHan } from '../baseline/train.ts';
import type { HanModel } from '../baseline/han.ts';
import type { MelClipLabelled } from '../baseline/windows.ts';
import { throwIfCancelled } from '../common/progress.ts';
import type { BaselineRunner, CellOutcome, Split, SweepCorpus, SweepSettings } from './types.ts';

async function melClips(corpus: SweepCorpus, split: Split, signal?: AbortSignal): Promise<MelClipLabelled[]> {
  const out: MelClipLabelled[] = [];
  for (const c of corpus.clips.filter((x) => x.split === split)) {
    throwIfCancelled(signal, 'baseline');
    const lm = logMel(await c.read());
    const labels = new Uint8Array(corpus.classes.length);
    for (const l of c.labels) labels[corpus.classes.indexOf(l)] = 1;
    out.push({ id: c.id, mel: lm.logMel, frames: lm.frames, labels });
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
        const scored = await han.scoreClips(test);
        const predictions = han.decide(scored.scores);
        const byId = new Map(test.map((c) => [c.id, c.labels]));
        const report = classWiseMetrics(predictions, labelSet('test', corpus.classes, scored.clipIds.map((id) => byId.get(id)!)));
        const m = han.meta.metrics;
        return {
          model: 'han-cnn', pooled: false, featureShape: [han.meta.config.mels, han.meta.framing.windowFrames],
          parameters: han.meta.parameters,
          validation: { microF1: m.validation.microF1, macroF1: m.validation.macroF1 },
          test: report,
          threshold: [...han.meta.threshold.values],
          seeds: { probe: opts.seed },
          training: { epochs: m.epochs.length, bestEpoch: m.bestEpoch, stopReason: m.stopReason },
          examples: { train: m.trainWindows, validation: m.validationWindows, test: test.length },
          backend: tf.getBackend(),
          seconds: { features: featureSeconds, training: m.trainSeconds, total: (performance.now() - started) / 1000 },
        };
      } finally {
        han?.dispose();
      }
    },
  };
}

/** The baseline the CLI runs unless told --no-baseline. */
export function defaultBaseline(settings: SweepSettings): BaselineRunner {
  return hanBaseline(settings);
}

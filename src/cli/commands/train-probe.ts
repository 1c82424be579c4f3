// `diffpir train-probe`: one probe head on a model's features at (sigma, tap) of a corpus, early-
// stopped and thresholded on validation, scored on test, saved as a probe folder (probe.json +
// weights.bin + card.json) that `diffpir recognize` reads. Same code as a sweep cell.
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import * as tf from '@tensorflow/tfjs';
import type { Command } from '../command.ts';
import { portableCommand, portablePath } from '../../common/portable-path.ts';
import { LabError } from '../../common/errors.ts';
import type { Progress } from '../../common/progress.ts';
import { initNodeBackend } from '../../compute/node.ts';
import { NO_CACHE } from '../../features/cache.ts';
import { FeatureExtractor } from '../../features/extract.ts';
import { DiskFeatureCache, resolveModelNode } from '../../features/node.ts';
import { headDefinition, type HeadKind } from '../../probes/heads/index.ts';
import { saveProbeDir } from '../../probes/io-node.ts';
import { scoreOnTest, trainCellProbe } from '../../sweep/cell.ts';
import { openSweepCorpus } from '../../sweep/node.ts';
import { stageTaps } from '../../sweep/plan.ts';
import { parseWindowSpec } from '../../features/windows.ts';
import { sweepSettings } from '../../sweep/settings.ts';
import { SWEEP_EPOCHS } from '../../sweep/types.ts';

function stepPrinter(): (p: Progress) => void {
  let last = 0;
  return (p) => {
    if (Date.now() - last < 15000 && p.done !== p.total) return;
    last = Date.now();
    console.error(`  ${p.stage}: ${p.done}/${p.total}${p.detail ? ` (${p.detail})` : ''}`);
  };
}

export const trainProbeCommand: Command = {
  name: 'train-probe',
  summary: 'Train one probe head on a model\'s features at (sigma, tap) and save it for `diffpir recognize`',
  usage:
    'npx diffpir train-probe --model <dir|name|random-init[:base]> --corpus <dir|tiny|small|full> --sigma S --out <probe dir>\n' +
    '    [--tap T (default: the 2nd bottleneck resnet)] [--head mlp|cnn|crnn|attention] [--max-clips N] [--with-multi] [--seed corpus seed]\n' +
    '    [--noise-seed 0] [--probe-seed 1] [--epochs ' + SWEEP_EPOCHS + '] [--patience 8] [--window 152/76] [--cache <dir>|none] [--backend wasm|cpu]\n' +
    '  --window   frames/hop of the U-Net\'s windows (20 ms frames; default 152/76: a 3 s clip is one window); the probe\n' +
    '             records it and recognize uses it',
  async run(args) {
    const started = performance.now();
    await initNodeBackend(args.str('backend'));
    const sigma = args.num('sigma');
    if (sigma === undefined) throw new LabError('--sigma is required (the noise level in [0, 1], e.g. the sweep\'s best)');
    const head = headDefinition(args.str('head') ?? 'mlp').kind as HeadKind;
    const settings = sweepSettings({
      ...(args.has('window') ? { window: parseWindowSpec(args.requireStr('window')) } : {}),
      noiseSeed: args.num('noise-seed', 0)!, probeSeed: args.num('probe-seed', 1)!, maxClips: args.num('max-clips'),
      fit: { ...(args.has('epochs') ? { epochs: args.num('epochs')! } : {}), ...(args.has('patience') ? { patience: args.num('patience')! } : {}) },
    });
    const out = args.requireStr('out');
    const modelArg = args.requireStr('model');
    const model = await resolveModelNode(modelArg);
    const tap = args.str('tap') ?? stageTaps(model.config).stage1Tap;
    const corpus = await openSweepCorpus(args.requireStr('corpus'), { seed: args.num('seed'), maxClips: settings.maxClips, withMulti: args.bool('with-multi'), onProgress: stepPrinter() });
    const cacheArg = args.str('cache');
    const extractor = new FeatureExtractor(model, cacheArg === 'none' ? NO_CACHE : new DiskFeatureCache(cacheArg));
    console.error(`train-probe: ${head} on ${model.id} at sigma ${sigma}, ${tap}; corpus ${corpus.id}`);
    const key = { role: 'subject' as const, sigma, tap, head };
    const trained = await trainCellProbe(key, extractor, corpus, settings, { onStep: stepPrinter() });
    extractor.dispose();
    const { probe } = trained;
    try {
      probe.meta.featureSpec.modelSpec = portablePath(modelArg);
      const test = await scoreOnTest(probe, trained.test, corpus);
      await saveProbeDir(probe, out);
      const m = probe.meta.metrics;
      const card = {
        format: 'diffpir-probe-card', version: 1, created: new Date().toISOString(),
        command: portableCommand('train-probe', process.argv.slice(3)),
        model: { id: model.id, spec: portablePath(modelArg), hash: model.hash, origin: model.origin },
        corpus: { id: corpus.id, ...corpus.info },
        sigma, tap, head, pooled: probe.meta.featureSpec.pooled, featureShape: probe.meta.featureSpec.shape, parameters: probe.meta.parameters,
        seeds: { noise: settings.noiseSeed, probe: settings.probeSeed }, window: settings.window,
        threshold: probe.threshold.values, validation: m.validation, test, backend: tf.getBackend(),
        training: { epochs: m.epochs.length, bestEpoch: m.bestEpoch, stopReason: m.stopReason, seconds: m.trainSeconds },
      };
      await writeFile(path.join(out, 'card.json'), JSON.stringify(card, null, 1) + '\n');
      console.log(
        `${out}: ${head} probe (${probe.meta.parameters} parameters) on ${model.id} features at sigma ${sigma}, ${tap}\n` +
          `validation micro F1 ${m.validation.microF1.toFixed(3)}, macro ${m.validation.macroF1.toFixed(3)}; ` +
          `test micro F1 ${test.micro.f1.toFixed(3)}, macro ${test.macro.f1.toFixed(3)} (${test.clips} clips); ` +
          `${((performance.now() - started) / 1000).toFixed(0)} s`,
      );
    } finally {
      probe.dispose();
    }
  },
};

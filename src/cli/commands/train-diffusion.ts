// `diffpir train-diffusion`: v-diffusion training of a U-Net on the log-mels of one or more corpora
// (folders or presets), from random weights or fine-tuning a model (--init), with early stopping on
// validation, checkpoints and --resume; writes a model folder with MODEL_CARD.md.
import path from 'node:path';
import type { Command } from '../command.ts';
import { LabError } from '../../common/errors.ts';
import { initNodeBackend } from '../../compute/node.ts';
import { DEFAULT_ADAM } from '../../training/adam.ts';
import { readUNetConfig, stderrProgress } from '../../training/cliSupport.ts';
import { checkEarlyStop } from '../../training/early-stop.ts';
import { loadTrainData, type TrainCorpusInfo } from '../../training/train-data-node.ts';
import { resolveModelNode } from '../../features/node.ts';
import { publishModel } from '../../training/publish.ts';
import { FolderRunStore } from '../../training/run-store-node.ts';
import { trainDiffusion, type InitModel, type TrainSettings } from '../../training/train.ts';
import { TRAIN_LOG } from '../../training/trainLog.ts';

const positiveInt = (v: number | undefined, flag: string): number => {
  if (v === undefined || !Number.isInteger(v) || v < 1) throw new LabError(`train-diffusion: --${flag} must be a positive integer, got ${v}`);
  return v;
};

export const trainDiffusionCommand: Command = {
  name: 'train-diffusion',
  summary: 'Train a diffusion U-Net (v-objective) on one or more corpora, or fine-tune a model; early stopping, checkpoints, --resume, loss log, model card',
  usage:
    'npx diffpir train-diffusion --corpus <dir|preset>[,<dir|preset>...] (--config <unet.json|student|tiny> | --init <model>) --steps N --out <model dir>\n' +
    '    [--resume] [--with-multi] [--patience P --validate-every N [--min-delta 0.005]] [--batch 8] [--lr 3e-4] [--seed 0] [--crop 104]\n' +
    '    [--micro-batch 4] [--warmup 50] [--clip-norm 1] [--checkpoint-every 100] [--val-clips 64] [--float16] [--backend wasm|cpu]\n' +
    '  --corpus   corpus folders (manifest.json) or presets (tiny, small, full, sf-small, ...), comma-separated: their training clips\n' +
    '             are pooled; validation clips are spread evenly over them\n' +
    '  --with-multi  also train on the OpenPIR-like multi-label clips (recorded-recipe corpora)\n' +
    '  --init     fine-tune: start from this model folder or name (its config and mel normalisation; fresh Adam, warm-up again)\n' +
    '  --patience stop when P validations in a row do not improve the best validation v-loss by --min-delta (relative);\n' +
    '             --steps is then the cap, and the model written is the best validation\'s weights\n' +
    '  --micro-batch  crops per forward/backward pass (gradients summed; bounds the WASM heap: ~1.5 GB for 4 student crops)\n' +
    '  --resume   continue from <out>/checkpoint/ (same settings) up to --steps; gives the same result as one run',
  async run(args) {
    const corpusArg = args.requireStr('corpus');
    const corpora = corpusArg.split(',').map((c) => c.trim()).filter(Boolean);
    if (corpora.length === 0) throw new LabError('train-diffusion: --corpus is empty');
    const initName = args.str('init');
    const steps = positiveInt(args.num('steps'), 'steps');
    const outDir = args.requireStr('out');
    const batch = positiveInt(args.num('batch', 8), 'batch');
    const seed = args.num('seed', 0)!;
    const cropFrames = positiveInt(args.num('crop', 104), 'crop');
    const lr = args.num('lr', DEFAULT_ADAM.lr)!;
    if (!(lr > 0)) throw new LabError(`train-diffusion: --lr must be > 0, got ${lr}`);
    const patience = args.num('patience');
    const earlyStop = patience === undefined ? undefined : checkEarlyStop({ patience, minRelDelta: args.num('min-delta', 0.005)! });
    const validateEvery = args.num('validate-every', 250)!;
    if (earlyStop && !(validateEvery > 0)) throw new LabError('train-diffusion: --patience needs --validate-every N > 0');
    const backend = await initNodeBackend(args.str('backend'));
    let config;
    let initModel: InitModel | undefined;
    let init: TrainSettings['init'];
    if (initName !== undefined) {
      if (initName.startsWith('random-init')) throw new LabError('train-diffusion: --init takes a trained model folder or name; for random weights leave --init out and give --config');
      const m = await resolveModelNode(initName);
      if (args.has('config') && JSON.stringify(readUNetConfig(args.requireStr('config'))) !== JSON.stringify(m.config)) {
        throw new LabError(`train-diffusion: --config differs from the config of --init ${initName}; leave --config out to use the model's`);
      }
      config = m.config;
      initModel = { weights: m.weights, melNorm: { mean: m.melNorm.mean as number, std: m.melNorm.std as number } };
      init = { model: m.origin.startsWith('models/') ? m.origin : m.id, hash: m.hash };
    } else {
      config = readUNetConfig(args.requireStr('config'));
    }
    const onProgress = stderrProgress();
    const valClips = args.num('val-clips', 64)!;
    const withMulti = args.bool('with-multi');
    const data = await loadTrainData(corpora, { onProgress, withMulti, trainLimit: args.num('train-limit'), validationClips: valClips });
    const settings: TrainSettings = {
      config, batch, seed, cropFrames, microBatch: Math.max(0, args.num('micro-batch', 4)!),
      adam: { ...DEFAULT_ADAM, lr, warmupSteps: args.num('warmup', DEFAULT_ADAM.warmupSteps)!, clipNorm: args.num('clip-norm', DEFAULT_ADAM.clipNorm)! },
      ...(init ? { init } : {}),
    };
    console.log(`training on ${data.train.length} clips (${corpora.join(' + ')}${withMulti ? ', with the multi-label set' : ''}), ${data.validation.length} validation clips; ` +
      `backend ${backend.name}; batch ${batch}, ${steps} steps${earlyStop ? ` at most (early stopping: patience ${earlyStop.patience})` : ''}${init ? `; from ${init.model}` : ''}`);
    const result = await trainDiffusion({
      settings, steps, train: data.train, validation: data.validation, store: new FolderRunStore(outDir), resume: args.bool('resume'),
      checkpointEvery: positiveInt(args.num('checkpoint-every', 100), 'checkpoint-every'),
      validateEvery, validationClips: data.validation.length, initModel, earlyStop,
      logEvery: 10, onLine: (l) => console.log(l),
    });
    const name = path.basename(path.resolve(outDir));
    const sum = (f: (c: TrainCorpusInfo) => number) => data.corpora.reduce((a, c) => a + f(c), 0);
    const first = data.corpora[0];
    await publishModel(outDir, result.weights, {
      name, settings, steps: result.steps,
      corpus: data.corpora.length === 1
        ? { source: first.source, preset: first.preset, seed: first.seed, trainClips: first.trainClips, validationClips: first.validationClips }
        : { source: corpora.join(','), trainClips: sum((c) => c.trainClips), validationClips: sum((c) => c.validationClips) },
      corpora: data.corpora, withMulti,
      melNorm: { mean: result.melNorm.mean as number, std: result.melNorm.std as number },
      backend: `${backend.name} (Node ${process.version})`, wallTimeSec: result.elapsedSec, clipsPerSec: result.clipsPerSec,
      finalTrainLoss: result.finalLoss, validation: result.validation, storage: args.bool('float16') ? 'float16' : 'float32',
      command: `npx diffpir train-diffusion ${process.argv.slice(3).join(' ')}`, logFile: TRAIN_LOG, stop: result.stop,
    });
    console.log(`wrote ${outDir} (model.json, config.json, MODEL_CARD.md, ${TRAIN_LOG}); final loss ${result.finalLoss.toFixed(4)}` +
      (result.validation ? `, validation v-loss ${result.validation.vLoss.toFixed(4)}${result.stop ? ` (step ${result.stop.bestStep}, ${result.stop.reason})` : ''}` : ''));
  },
};

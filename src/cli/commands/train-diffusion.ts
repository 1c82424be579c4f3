// `diffpir train-diffusion`: v-diffusion training of a U-Net on the log-mels of a corpus (folder
// or preset), with checkpoints and --resume; writes a model folder with MODEL_CARD.md.
import path from 'node:path';
import type { Command } from '../command.ts';
import { LabError } from '../../common/errors.ts';
import { initNodeBackend } from '../../compute/node.ts';
import { loadManifest } from '../../corpus/manifest-node.ts';
import { DEFAULT_ADAM } from '../../training/adam.ts';
import { readUNetConfig, stderrProgress } from '../../training/cliSupport.ts';
import { resolveCorpusDir } from '../../training/corpusDir.ts';
import { loadSplitMels } from '../../training/melData-node.ts';
import { publishModel } from '../../training/publish.ts';
import { FolderRunStore } from '../../training/run-store-node.ts';
import { trainDiffusion } from '../../training/train.ts';
import { TRAIN_LOG } from '../../training/trainLog.ts';

const positiveInt = (v: number | undefined, flag: string): number => {
  if (v === undefined || !Number.isInteger(v) || v < 1) throw new LabError(`train-diffusion: --${flag} must be a positive integer, got ${v}`);
  return v;
};

export const trainDiffusionCommand: Command = {
  name: 'train-diffusion',
  summary: 'Train a diffusion U-Net (v-objective) on a corpus; checkpoints, --resume, loss log, model card',
  usage:
    'npx diffpir train-diffusion --corpus <dir|preset> --config <unet.json|student|tiny> --steps N --out <model dir>\n' +
    '    [--resume] [--batch 8] [--lr 3e-4] [--seed 0] [--crop 104] [--micro-batch 4] [--warmup 50] [--clip-norm 1]\n' +
    '    [--checkpoint-every 100] [--validate-every 250] [--val-clips 64] [--float16] [--backend wasm|cpu]\n' +
    '  --corpus   a corpus folder (manifest.json) or a preset (tiny, small, full) rendered into .cache/corpus/\n' +
    '  --micro-batch  crops per forward/backward pass (gradients summed; bounds the WASM heap: ~1.5 GB for 4 student crops)\n' +
    '  --resume   continue from <out>/checkpoint/ (same settings) up to --steps; gives the same result as one run',
  async run(args) {
    const corpusArg = args.requireStr('corpus');
    const config = readUNetConfig(args.requireStr('config'));
    const steps = positiveInt(args.num('steps'), 'steps');
    const outDir = args.requireStr('out');
    const batch = positiveInt(args.num('batch', 8), 'batch');
    const seed = args.num('seed', 0)!;
    const cropFrames = positiveInt(args.num('crop', 104), 'crop');
    const lr = args.num('lr', DEFAULT_ADAM.lr)!;
    if (!(lr > 0)) throw new LabError(`train-diffusion: --lr must be > 0, got ${lr}`);
    const backend = await initNodeBackend(args.str('backend'));
    const onProgress = stderrProgress();
    const corpusDir = await resolveCorpusDir(corpusArg, { onProgress });
    const manifest = loadManifest(corpusDir);
    const limit = args.num('train-limit');
    const train = await loadSplitMels(corpusDir, 'train', { onProgress, limit });
    const validation = await loadSplitMels(corpusDir, 'validation', { onProgress });
    const settings = {
      config, batch, seed, cropFrames, microBatch: Math.max(0, args.num('micro-batch', 4)!),
      adam: { ...DEFAULT_ADAM, lr, warmupSteps: args.num('warmup', DEFAULT_ADAM.warmupSteps)!, clipNorm: args.num('clip-norm', DEFAULT_ADAM.clipNorm)! },
    };
    console.log(`training on ${train.length} clips (${corpusDir}), ${validation.length} validation clips; backend ${backend.name}; batch ${batch}, ${steps} steps`);
    const result = await trainDiffusion({
      settings, steps, train, validation, store: new FolderRunStore(outDir), resume: args.bool('resume'),
      checkpointEvery: positiveInt(args.num('checkpoint-every', 100), 'checkpoint-every'),
      validateEvery: args.num('validate-every', 250), validationClips: args.num('val-clips', 64),
      logEvery: 10, onLine: (l) => console.log(l),
    });
    const name = path.basename(path.resolve(outDir));
    await publishModel(outDir, result.weights, {
      name, settings, steps: result.steps,
      corpus: { source: corpusArg, preset: manifest.preset, seed: manifest.seed, trainClips: train.length, validationClips: Math.min(validation.length, args.num('val-clips', 64)!) },
      melNorm: { mean: result.melNorm.mean as number, std: result.melNorm.std as number },
      backend: `${backend.name} (Node ${process.version})`, wallTimeSec: result.elapsedSec, clipsPerSec: result.clipsPerSec,
      finalTrainLoss: result.finalLoss, validation: result.validation, storage: args.bool('float16') ? 'float16' : 'float32',
      command: `npx diffpir train-diffusion ${process.argv.slice(3).join(' ')}`, logFile: TRAIN_LOG,
    });
    console.log(`wrote ${outDir} (model.json, config.json, MODEL_CARD.md, ${TRAIN_LOG}); final loss ${result.finalLoss.toFixed(4)}` +
      (result.validation ? `, validation v-loss ${result.validation.vLoss.toFixed(4)}` : ''));
  },
};

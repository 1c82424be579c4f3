// `diffpir train-diffusion`: v-diffusion training of a U-Net on the log-mels of one or more corpora
// (folders or presets), from random weights or fine-tuning a model (--init), with early stopping on
// validation, checkpoints and --resume; writes a model folder with MODEL_CARD.md.
import type { Command } from '../command.ts';
import { portableCommand } from '../../common/portable-path.ts';
import { LabError } from '../../common/errors.ts';
import { initNodeBackend } from '../../compute/node.ts';
import { DEFAULT_ADAM } from '../../training/adam.ts';
import { emaArg, gracefulStop, positiveIntArg, readUNetConfig, stderrProgress, trainThreads } from '../../training/cliSupport.ts';
import { checkEarlyStop } from '../../training/early-stop.ts';
import { trainModelNode } from '../../training/train-node.ts';
import { TRAIN_LOG } from '../../training/trainLog.ts';


export const trainDiffusionCommand: Command = {
  name: 'train-diffusion',
  summary: 'Train a diffusion U-Net (v-objective) on one or more corpora, or fine-tune a model; early stopping, checkpoints, --resume, loss log, model card',
  usage:
    'npx diffpir train-diffusion --corpus <dir|preset>[,<dir|preset>...] (--config <unet.json|student|tiny> | --init <model>) --steps N --out <model dir>\n' +
    '    [--resume] [--with-multi] [--patience P --validate-every N [--min-delta 0.005]] [--batch 8] [--lr 3e-4] [--seed 0] [--crop 104]\n' +
    '    [--micro-batch 4] [--warmup 50] [--clip-norm 1] [--checkpoint-every 100] [--val-clips 64] [--float16] [--backend wasm|cpu]\n' +
    '    [--threads N] [--ema 0.995] [--snapshot-to <model dir>]\n' +
    '  --corpus   corpus folders (manifest.json) or presets (tiny, small, full, sf-small, ...), comma-separated: their training clips\n' +
    '             are pooled; validation clips are spread evenly over them\n' +
    '  --with-multi  also train on the OpenPIR-like multi-label clips (recorded-recipe corpora)\n' +
    '  --init     fine-tune: start from this model folder or name (its config and mel normalisation; fresh Adam, warm-up again)\n' +
    '  --patience stop when P validations in a row do not improve the best validation v-loss by --min-delta (relative);\n' +
    '             --steps is then the cap, and the model written is the best validation\'s weights\n' +
    '  --micro-batch  crops per forward/backward pass (gradients summed; bounds the WASM heap: ~1.5 GB for 4 student crops)\n' +
    '  --ema      keep an exponential moving average of the weights with this decay; validation, early stopping and the\n' +
    '             model written use it (default: none)\n' +
    '  --resume   continue from <out>/checkpoint/ (same settings) up to --steps; gives the same result as one run\n' +
    '  Ctrl-C     stops at the end of the current step and saves a checkpoint (--resume continues exactly); twice quits at once\n' +
    '  --threads  threads sharing each step\'s batch (default 2 when the machine has 2+ cores, else 1); not a run setting:\n' +
    '             a run may resume with another count; the result equals one thread\'s up to float rounding (src/training/README.md)\n' +
    '  --snapshot-to  do not train: write the unfinished run in --out (same options) as a model folder there: its best\n' +
    '             validation\'s weights so far (or its current weights without --patience), loss log, a card saying so',
  async run(args) {
    const corpusArg = args.requireStr('corpus');
    const corpora = corpusArg.split(',').map((c) => c.trim()).filter(Boolean);
    if (corpora.length === 0) throw new LabError('train-diffusion: --corpus is empty');
    const initName = args.str('init');
    // A snapshot takes no step: --steps may be left out.
    const steps = args.has('snapshot-to') && !args.has('steps') ? Number.MAX_SAFE_INTEGER : positiveIntArg(args.num('steps'), 'steps');
    const outDir = args.requireStr('out');
    const batch = positiveIntArg(args.num('batch', 8), 'batch');
    const seed = args.num('seed', 0)!;
    const cropFrames = positiveIntArg(args.num('crop', 104), 'crop');
    const lr = args.num('lr', DEFAULT_ADAM.lr)!;
    if (!(lr > 0)) throw new LabError(`train-diffusion: --lr must be > 0, got ${lr}`);
    const patience = args.num('patience');
    const earlyStop = patience === undefined ? undefined : checkEarlyStop({ patience, minRelDelta: args.num('min-delta', 0.005)! });
    const validateEvery = args.num('validate-every', 250)!;
    if (earlyStop && !(validateEvery > 0)) throw new LabError('train-diffusion: --patience needs --validate-every N > 0');
    const backend = await initNodeBackend(args.str('backend'));
    const { threads, line } = trainThreads(args.num('threads'), 'train-diffusion');
    console.log(line);
    const stop = gracefulStop('train-diffusion');
    const result = await trainModelNode({
      corpora, withMulti: args.bool('with-multi'), trainLimit: args.num('train-limit'), validationClips: args.num('val-clips', 64)!,
      config: args.has('config') ? readUNetConfig(args.requireStr('config')) : undefined, init: initName,
      steps, outDir, batch, seed, cropFrames, microBatch: Math.max(0, args.num('micro-batch', 4)!),
      adam: { ...DEFAULT_ADAM, lr, warmupSteps: args.num('warmup', DEFAULT_ADAM.warmupSteps)!, clipNorm: args.num('clip-norm', DEFAULT_ADAM.clipNorm)! },
      earlyStop, validateEvery, checkpointEvery: positiveIntArg(args.num('checkpoint-every', 100), 'checkpoint-every'),
      resume: args.bool('resume'), float16: args.bool('float16'), threads, ema: emaArg(args.str('ema'), undefined),
      command: portableCommand('train-diffusion', process.argv.slice(3)), backend: `${backend.name} (Node ${process.version})`,
      onLine: (l) => console.log(l), stopSignal: stop.signal, snapshotTo: args.str('snapshot-to'),
    }, { onProgress: stderrProgress() }).finally(() => stop.dispose());
    console.log(`wrote ${args.str('snapshot-to') ?? outDir} (model.json, config.json, MODEL_CARD.md, ${TRAIN_LOG}); final loss ${result.finalLoss.toFixed(4)}` +
      (result.validation ? `, validation v-loss ${result.validation.vLoss.toFixed(4)}${result.stop ? ` (step ${result.stop.bestStep}, ${result.stop.reason})` : ''}` : ''));
  },
};

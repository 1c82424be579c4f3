// `diffpir train-regimes`: the paper's Model 0 / A / B / C (src/training/regimes.ts) one after the other,
// each trained until validation stops improving, resumable: a finished model is skipped, an interrupted
// one continues from its checkpoint.
import type { Command } from '../command.ts';
import { portableCommand } from '../../common/portable-path.ts';
import { LabError } from '../../common/errors.ts';
import { initNodeBackend } from '../../compute/node.ts';
import { DEFAULT_ADAM } from '../../training/adam.ts';
import { emaArg, gracefulStop, positiveIntArg, readUNetConfig, stderrProgress, trainThreads } from '../../training/cliSupport.ts';
import { checkEarlyStop } from '../../training/early-stop.ts';
import { continueNote, parseFromModels, parseRegimeIds, REGIMES, regimeDir, regimeStatus } from '../../training/regimes.ts';
import { trainModelNode } from '../../training/train-node.ts';
import { StoppedError } from '../../training/train.ts';


export const trainRegimesCommand: Command = {
  name: 'train-regimes',
  summary: "Train the paper's Model 0 (pre-training), A, B and C (fine-tuning) in turn, each until validation stops improving; resumable",
  usage:
    'npx diffpir train-regimes --out <dir> [--pretrain small,sf-small] [--finetune small] [--config student] [--only 0,a,b,c]\n' +
    '    [--steps 20000] [--patience 5] [--validate-every 100] [--min-delta 0.005] [--lr 1e-3] [--finetune-lr 3e-4]\n' +
    '    [--warmup 50] [--batch 8] [--micro-batch 4] [--crop 104] [--seed 0] [--val-clips 64] [--checkpoint-every 25] [--float16]\n' +
    '    [--threads N] [--ema 0.995|none] [--snapshot-to <model dir> --only <id>] [--from-model 0=models/model-0]\n' +
    '    [--continue c=<snapshot folder>]\n' +
    '  Model 0: random weights, pre-training corpora pooled (single-label clips); A: Model 0 fine-tuned on the fine-tuning\n' +
    '  corpus (single-label); B: Model 0 fine-tuned with the multi-label set; C: Model A continued with the multi-label set.\n' +
    '  Models land in <out>/model-0, model-a, model-b, model-c (model folders with cards and loss logs). Run it again to\n' +
    '  continue: finished models are skipped, interrupted ones resume from their checkpoints (same settings).\n' +
    '  --threads  threads sharing each step\'s batch (default 2 when the machine has 2+ cores, else 1; see train-diffusion).\n' +
    '  --ema      weight-average decay (default 0.995): validation, early stopping and the published weights use the average\n' +
    '  --from-model  <id>=<model folder>[,...]: take that folder as regime <id>\'s finished model (it is not trained; the\n' +
    '             regimes starting from it read it), e.g. --from-model 0=models/model-0 to fine-tune A, B from the shipped Model 0\n' +
    '  --continue <id>=<model folder>[,...]: start regime <id>\'s run (when it has no checkpoint in <out>) from that\n' +
    '             snapshot of its earlier run instead of from its parent; Adam moments and the average restart (warm-up again)\n' +
    '  --snapshot-to  do not train: write the unfinished run of the one regime named by --only (same other options) as a model\n' +
    '             folder there (its best validation\'s weights so far, loss log, a card saying so); the run is left as it is',
  async run(args) {
    const out = args.requireStr('out');
    const only = parseRegimeIds(args.str('only'));
    const pretrain = (args.str('pretrain') ?? 'small,sf-small').split(',').map((s) => s.trim()).filter(Boolean);
    const finetune = (args.str('finetune') ?? 'small').split(',').map((s) => s.trim()).filter(Boolean);
    const config = readUNetConfig(args.str('config') ?? 'student');
    const steps = positiveIntArg(args.num('steps', 20000), 'steps');
    const earlyStop = checkEarlyStop({ patience: args.num('patience', 5)!, minRelDelta: args.num('min-delta', 0.005)! });
    const validateEvery = positiveIntArg(args.num('validate-every', 100), 'validate-every');
    const lr = args.num('lr', 1e-3)!;
    const finetuneLr = args.num('finetune-lr', 3e-4)!;
    const ema = emaArg(args.str('ema'), 0.995);
    if (!(lr > 0) || !(finetuneLr > 0)) throw new LabError('train-regimes: --lr and --finetune-lr must be > 0');
    const backend = await initNodeBackend(args.str('backend'));
    const { threads, line } = trainThreads(args.num('threads'), 'train-regimes');
    console.log(line);
    const given = parseFromModels(args.str('from-model'));
    const continued = parseFromModels(args.str('continue'), '--continue');
    for (const id of Object.keys(continued)) {
      if (given[id as keyof typeof given] !== undefined) throw new LabError(`train-regimes: regime ${id} is both given (--from-model) and continued (--continue)`);
    }
    const snapshotTo = args.str('snapshot-to');
    if (snapshotTo !== undefined && only.length !== 1) throw new LabError('train-regimes: --snapshot-to needs --only with one regime (0, a, b or c)');
    const stop = gracefulStop('train-regimes');
    try {
      for (const regime of REGIMES) {
        if (!only.includes(regime.id)) continue;
        if (given[regime.id] !== undefined) {
          if (snapshotTo !== undefined) throw new LabError(`train-regimes: ${regime.name} is given by --from-model, so there is no run to snapshot`);
          console.log(`${regime.name}: given by --from-model (${given[regime.id]}); not trained`);
          continue;
        }
        const dir = regimeDir(out, regime.id);
        const status = regimeStatus(dir, steps, earlyStop.patience);
        if (snapshotTo !== undefined && status !== 'resume') {
          throw new LabError(`train-regimes: ${regime.name} has ${status === 'new' ? 'not started' : `finished; its model is ${dir}`}, so there is no unfinished run to snapshot`);
        }
        if (status === 'done') {
          console.log(`${regime.name}: finished already (${dir}); skipping`);
          continue;
        }
        const cont = continued[regime.id];
        const from = cont ?? (regime.from === null ? undefined : given[regime.from] ?? regimeDir(out, regime.from));
        if (from !== undefined && cont === undefined && given[regime.from!] === undefined && regimeStatus(from, steps, earlyStop.patience) !== 'done') {
          throw new LabError(`train-regimes: ${regime.name} starts from ${from}, which is not finished; train it first (--only ${regime.from})`);
        }
        console.log(`${regime.name}: ${regime.what}${snapshotTo !== undefined ? ` (snapshot of its unfinished run to ${snapshotTo})` : status === 'resume' ? ' (resuming from its checkpoint)' : cont !== undefined ? ` (continuing ${cont})` : ''}`);
        const r = await trainModelNode({
          corpora: regime.data === 'pretrain' ? pretrain : finetune, withMulti: regime.withMulti, validationClips: args.num('val-clips', 64)!,
          config: from === undefined ? config : undefined, init: from, notes: cont !== undefined ? [continueNote(cont)] : undefined,
          steps, outDir: dir, batch: positiveIntArg(args.num('batch', 8), 'batch'), seed: args.num('seed', 0)!, cropFrames: positiveIntArg(args.num('crop', 104), 'crop'),
          microBatch: Math.max(0, args.num('micro-batch', 4)!),
          adam: { ...DEFAULT_ADAM, lr: regime.from === null ? lr : finetuneLr, warmupSteps: args.num('warmup', DEFAULT_ADAM.warmupSteps)!, clipNorm: args.num('clip-norm', DEFAULT_ADAM.clipNorm)! },
          earlyStop, validateEvery, checkpointEvery: positiveIntArg(args.num('checkpoint-every', 25), 'checkpoint-every'),
          resume: status === 'resume', float16: args.bool('float16'), threads, ema,
          command: portableCommand('train-regimes', process.argv.slice(3)), commandNote: `regime ${regime.id}: ${regime.what}`,
          backend: `${backend.name} (Node ${process.version})`, onLine: (l) => console.log(`${regime.name}: ${l}`), stopSignal: stop.signal, snapshotTo,
        }, { onProgress: stderrProgress() }).catch((e: unknown) => {
          // Here there is no --resume: the same command continues an interrupted regime.
          if (e instanceof StoppedError) throw new LabError(`${regime.name} stopped at step ${e.step}; checkpoint saved in ${dir}; run the same command again to continue`);
          throw e;
        });
        console.log(`${regime.name}: wrote ${snapshotTo ?? dir}; ${r.stop ? `${r.stop.reason === 'unfinished' ? `snapshot at step ${r.steps}, still training` : `stopped by ${r.stop.reason}`}, weights of step ${r.stop.bestStep}` : `${r.steps} steps`}` +
          (r.validation ? `, validation v-loss ${r.validation.vLoss.toFixed(4)}` : ''));
      }
    } finally {
      stop.dispose();
    }
  },
};

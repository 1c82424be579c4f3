// `diffpir sweep`: the paper's noise -> layer -> head search on a corpus, for a model and its
// random-init control, with the Han CNN alongside; resumable (rerun with the same --out skips
// completed cells); prints the tables at the end. Engine: src/sweep/sweep.ts.
import type { Command } from '../command.ts';
import { LabError } from '../../common/errors.ts';
import type { Progress } from '../../common/progress.ts';
import { initNodeBackend } from '../../compute/node.ts';
import { NO_CACHE } from '../../features/cache.ts';
import { controlFor } from '../../features/model-source.ts';
import { DiskFeatureCache, resolveModelNode } from '../../features/node.ts';
import type { HeadKind } from '../../probes/heads/index.ts';
import { bestProbe, formatSweepReport } from '../../sweep/report.ts';
import { sweepSettings } from '../../sweep/settings.ts';
import { runSweep } from '../../sweep/sweep.ts';
import { JsonFileStore, openSweepCorpus, pretrainedHanBaseline } from '../../sweep/node.ts';
import { defaultBaseline } from '../../sweep/baseline.ts';
import type { Stage } from '../../sweep/types.ts';

function stepPrinter(): (p: Progress) => void {
  let last = 0;
  return (p) => {
    const now = Date.now();
    if (now - last < 15000 && p.done !== p.total) return;
    last = now;
    console.error(`  ${p.stage}: ${p.done}/${p.total}${p.detail ? ` (${p.detail})` : ''}`);
  };
}

const nums = (list: string[] | undefined, flag: string) => list?.map((s) => {
  const n = Number(s);
  if (!Number.isFinite(n)) throw new LabError(`--${flag}: "${s}" is not a number`);
  return n;
});

export const sweepCommand: Command = {
  name: 'sweep',
  summary: 'Run the noise -> layer -> head sweep (stages 1-3) with the random-init control and the Han CNN; resumable',
  usage:
    'npx diffpir sweep --model <dir|name|random-init[:base]> --corpus <dir|tiny|small|full> --out <results.json>\n' +
    '    [--stages 1,2,3] [--sigmas 0.01,0.02,...] [--max-clips N] [--with-multi] [--heads mlp,cnn,crnn,attention]\n' +
    '    [--seed corpus seed] [--noise-seed 0] [--probe-seed 1] [--epochs 60] [--patience 8] [--batch 8]\n' +
    '    [--sigma S] [--tap T] [--control none|<model>] [--no-baseline | --baseline <Han CNN dir>] [--cache <dir>|none] [--backend wasm|cpu]\n' +
    '  --sigma/--tap stand in for stage 1/2 when those are not run; a preset is rendered once into .cache/corpus/\n' +
    '  --baseline scores a Han CNN trained before on the same corpus (npx diffpir train-baseline) instead of training one',
  async run(args) {
    const started = performance.now();
    const backend = await initNodeBackend(args.str('backend'));
    const settings = sweepSettings({
      ...(args.has('sigmas') ? { sigmas: nums(args.list('sigmas'), 'sigmas')! } : {}),
      ...(args.has('stages') ? { stages: nums(args.list('stages'), 'stages') as Stage[] } : {}),
      ...(args.has('heads') ? { heads: args.list('heads') as HeadKind[] } : {}),
      noiseSeed: args.num('noise-seed', 0)!,
      probeSeed: args.num('probe-seed', 1)!,
      batchSize: args.num('batch', 8)!,
      maxClips: args.num('max-clips'),
      sigma: args.num('sigma'),
      tap: args.str('tap'),
      fit: {
        ...(args.has('epochs') ? { epochs: args.num('epochs')! } : {}),
        ...(args.has('patience') ? { patience: args.num('patience')! } : {}),
      },
    });
    const out = args.requireStr('out');
    const subject = await resolveModelNode(args.requireStr('model'));
    const controlArg = args.str('control');
    const control = controlArg === 'none' ? undefined
      : controlArg ? await resolveModelNode(controlArg)
      : subject.randomSeed === undefined ? await controlFor(subject) : undefined;
    const corpusArg = args.requireStr('corpus');
    console.error(`corpus ${corpusArg}: preparing${settings.maxClips ? ` (at most ${settings.maxClips} clips per split)` : ''}...`);
    const corpus = await openSweepCorpus(corpusArg, { seed: args.num('seed'), maxClips: settings.maxClips, withMulti: args.bool('with-multi'), onProgress: stepPrinter() });
    const cacheArg = args.str('cache');
    const cache = cacheArg === 'none' ? NO_CACHE : new DiskFeatureCache(cacheArg);
    const baselineDir = args.str('baseline');
    const baseline = args.bool('no-baseline') ? undefined : baselineDir ? pretrainedHanBaseline(baselineDir) : defaultBaseline(settings);
    console.error(`sweep: ${subject.id} (${subject.origin}) vs ${control?.id ?? 'no control'} on ${corpus.id}; backend ${backend.name}; cache ${cache.name}; results ${out}`);
    const results = await runSweep({ subject, control, corpus, cache, store: new JsonFileStore(out), baseline }, settings, {
      log: (line) => console.error(line),
      onStep: stepPrinter(),
      onCell: (c, skipped) => console.error(
        `  ${skipped ? 'done before' : 'done'}: ${c.id}  val micro ${c.validation.microF1.toFixed(3)}  test micro ${c.test.micro.f1.toFixed(3)} macro ${c.test.macro.f1.toFixed(3)}` +
          (skipped ? '' : `  (${c.seconds.total.toFixed(0)} s)`),
      ),
    });
    console.log(formatSweepReport(results));
    const best = bestProbe(results);
    if (best && results.choices.head) {
      console.log(`\nprobe of the chosen cell: npx diffpir train-probe --model ${args.str('model')} --corpus ${corpusArg}` +
        `${settings.maxClips ? ` --max-clips ${settings.maxClips}` : ''} --sigma ${best.sigma} --tap ${best.tap} --head ${best.head} --out <dir>`);
    }
    console.log(`\nthis run: ${((performance.now() - started) / 1000).toFixed(0)} s; results in ${out}`);
  },
};

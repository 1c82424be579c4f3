// `diffpir sweep`: the paper's noise -> layer -> head search on a corpus, for a model and its
// random-init control, with the Han CNN alongside; resumable (rerun with the same --out skips
// completed cells); prints the tables at the end. Engine: src/sweep/sweep.ts. With --queue the
// cells run on workers (src/sweep-queue); with --shard i/N only a share of them runs here.
import type { Command } from '../command.ts';
import { LabError } from '../../common/errors.ts';
import type { Progress } from '../../common/progress.ts';
import { initNodeBackend } from '../../compute/node.ts';
import type { HeadKind } from '../../probes/heads/index.ts';
import { bestProbe, formatSweepReport } from '../../sweep/report.ts';
import { parseWindowSpec } from '../../features/windows.ts';
import { sweepSettings } from '../../sweep/settings.ts';
import { runSweep } from '../../sweep/sweep.ts';
import { chosenCellCommand } from '../chosen-cell-command.ts';
import { JsonFileStore } from '../../sweep/node.ts';
import type { ResultsStore, Stage, SweepResults } from '../../sweep/types.ts';
import { QueueExecutor, openSweepSpec, parseQueueUrl, parseShard, type SweepSpec } from '../../sweep-queue/index.ts';

/** The results file, started (when it does not exist yet) from a copy of `from` (a merged earlier stage). */
function seededStore(out: string, from: string | undefined): ResultsStore {
  const file = new JsonFileStore(out);
  if (!from) return file;
  const seed = new JsonFileStore(from);
  return {
    name: out,
    async load() {
      const own = await file.load();
      if (own !== undefined) return own;
      const r = await seed.load();
      if (r === undefined) throw new LabError(`--from ${from}: no such results file`);
      return r;
    },
    save: (r: SweepResults) => file.save(r),
  };
}

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
    '    [--seed corpus seed] [--noise-seed 0] [--probe-seed 1] [--epochs 300] [--patience 8] [--batch 8]\n' +
    '    [--sigma S] [--tap T] [--control none|<model>] [--no-baseline | --baseline <Han CNN dir>] [--cache <dir>|none] [--backend wasm|cpu]\n' +
    '    [--queue redis://HOST:PORT | --shard i/N [--from <earlier results.json>]] [--reuse-control <results.json>[,...]]\n' +
    '    [--also-score <labelled folder>[,...]] [--window 152/76]\n' +
    '  --sigma/--tap stand in for stage 1/2 when those are not run; a preset is rendered once into .cache/corpus/\n' +
    '  --queue hands the cells to workers (npx diffpir worker --queue redis://HOST:PORT) and follows them\n' +
    '  --shard i/N runs the i-th (from 0) of N shares of each stage\'s cells (npx diffpir merge joins the files);\n' +
    '    --from starts --out from a copy of a merged earlier stage, so stage 2 or 3 can be sharded too\n' +
    '  --baseline scores a Han CNN trained before on the same corpus (npx diffpir train-baseline) instead of training one\n' +
    '  --reuse-control takes the control cells of earlier sweeps with the same control weights, corpus and settings\n' +
    '    (e.g. Model A\'s sweep for Model B: the control does not depend on the subject) instead of computing them again\n' +
    '  --also-score scores every cell (and the Han CNN) also on each split of these folders (e.g. the real-recording set),\n' +
    '    as trained and thresholded on the corpus; they add columns and never choose anything\n' +
    '  --window frames/hop of the U-Net\'s windows in 20 ms mel frames (default 152/76: one window per 3 s training clip;\n' +
    '    48/24 gives six per clip); each window is one probe example, and clips are scored on their windows\' mean',
  async run(args) {
    const started = performance.now();
    const backend = await initNodeBackend(args.str('backend'));
    const settings = sweepSettings({
      ...(args.has('sigmas') ? { sigmas: nums(args.list('sigmas'), 'sigmas')! } : {}),
      ...(args.has('stages') ? { stages: nums(args.list('stages'), 'stages') as Stage[] } : {}),
      ...(args.has('heads') ? { heads: args.list('heads') as HeadKind[] } : {}),
      ...(args.has('window') ? { window: parseWindowSpec(args.requireStr('window')) } : {}),
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
    const queueArg = args.str('queue');
    const shardArg = args.str('shard');
    if (queueArg && shardArg) throw new LabError('give --queue (a pool of workers) or --shard (array jobs), not both');
    if (args.has('from') && !shardArg) throw new LabError('--from goes with --shard (a plain or queued sweep resumes its own --out)');
    const address = queueArg ? parseQueueUrl(queueArg) : undefined;
    const shard = shardArg ? parseShard(shardArg) : undefined;
    const baselineDir = args.str('baseline');
    const spec: SweepSpec = {
      model: args.requireStr('model'), control: args.str('control'), corpus: args.requireStr('corpus'), corpusSeed: args.num('seed'),
      ...(args.bool('with-multi') ? { withMulti: true } : {}),
      cache: args.str('cache'), baseline: args.bool('no-baseline') ? 'none' : baselineDir ?? 'train', settings,
      ...(args.has('also-score') ? { outside: args.list('also-score')! } : {}),
    };
    const executor = address ? await QueueExecutor.open(address, spec, { log: (line) => console.error(line) }) : undefined;
    const corpusArg = spec.corpus;
    console.error(`corpus ${corpusArg}: preparing${settings.maxClips ? ` (at most ${settings.maxClips} clips per split)` : ''}...`);
    const { subject, control, corpus, cache, baseline } = await openSweepSpec(spec, { onProgress: stepPrinter() }).catch(async (e) => {
      await executor?.close();
      throw e;
    });
    console.error(`sweep: ${subject.id} (${subject.origin}) vs ${control?.id ?? 'no control'} on ${corpus.id}; ` +
      `${address ? `cells on the queue at ${address.where}` : `backend ${backend.name}`}; cache ${cache.name}; results ${out}` +
      `${shard ? ` (shard ${shard.index}/${shard.count})` : ''}`);
    const reuseControl: { name: string; results: SweepResults }[] = [];
    for (const file of args.list('reuse-control') ?? []) {
      const r = await new JsonFileStore(file).load();
      if (r === undefined) throw new LabError(`--reuse-control ${file}: no such results file`);
      reuseControl.push({ name: file, results: r as SweepResults });
    }
    const results = await runSweep({ subject, control, corpus, cache, store: seededStore(out, args.str('from')), baseline }, settings, {
      executor, shard, reuseControl,
      log: (line) => console.error(line),
      onStep: stepPrinter(),
      onCell: (c, skipped) => console.error(
        `  ${skipped ? 'done before' : 'done'}: ${c.id}  val micro ${c.validation.microF1.toFixed(3)}  test micro ${c.test.micro.f1.toFixed(3)} macro ${c.test.macro.f1.toFixed(3)}` +
          Object.entries(c.outside ?? {}).map(([n, r]) => `  ${n} micro ${r.micro.f1.toFixed(3)}`).join('') +
          (skipped ? '' : `  (${c.seconds.total.toFixed(0)} s)`),
      ),
    }).finally(() => executor?.close());
    console.log(formatSweepReport(results));
    const best = bestProbe(results);
    if (shard) console.log(`\nshard ${shard.index}/${shard.count}: join the shards' files with npx diffpir merge <files> --out <results.json>`);
    else if (best && results.choices.head) {
      console.log(`\nprobe of the chosen cell: ${chosenCellCommand({ model: spec.model, corpus: corpusArg, corpusSeed: spec.corpusSeed, withMulti: spec.withMulti, settings }, best)}`);
    }
    console.log(`\nthis run: ${((performance.now() - started) / 1000).toFixed(0)} s; results in ${out}`);
  },
};

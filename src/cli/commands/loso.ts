// `diffpir loso`: leave-one-source-out evaluation of the Han CNN on a rendered corpus: per source,
// a model trained without it and scored on the clips it leads; resumable per fold; a markdown
// table at the end (or JSON). Engine: src/baseline/loso-node.ts.
import { hanFitArgs } from '../han-fit-args.ts';
import type { Command } from '../command.ts';
import { initNodeBackend } from '../../compute/node.ts';
import { LabError } from '../../common/errors.ts';
import { losoMarkdown, runLoso } from '../../baseline/loso-node.ts';

export const losoCommand: Command = {
  name: 'loso',
  summary: 'Leave-one-source-out: per sound source, a Han CNN trained without it, scored on its clips',
  usage:
    'npx diffpir loso --corpus <dir|tiny|small|full> --out <dir> [--sources a,b,...] [--epochs 50] [--max-clips N] [--max-validation N]\n' +
    '    [--seed 1] [--patience 5] [--batch 128] [--lr 0.001] [--corpus-seed 1] [--with-multi] [--backend wasm|cpu] [--json]\n' +
    '  --sources    sources to leave out, as the manifest names them (a library id such as tjflute, or sf:<bank>);\n' +
    '               default: every source that leads a clip\n' +
    '  --max-clips  at most N training clips per class in each fold (an even spread); --max-validation: validation\n' +
    '               clips per class (default: --max-clips)\n' +
    '  --out        one file per finished fold (folds/), loso.json and loso.md; a re-run keeps finished folds',
  async run(args) {
    const corpus = args.requireStr('corpus');
    const out = args.requireStr('out');
    const sources = args.str('sources')?.split(',').map((s) => s.trim()).filter(Boolean);
    if (sources !== undefined && sources.length === 0) throw new LabError('--sources needs at least one source');
    const json = args.bool('json');
    const backend = await initNodeBackend(args.str('backend'));
    const settings = hanFitArgs(args);
    console.error(`loso: ${backend.name} backend; corpus ${corpus}`);
    let lastStage = '';
    const r = await runLoso({ corpus, out, sources, maxClips: args.num('max-clips'), maxValidation: args.num('max-validation'), withMulti: args.bool('with-multi'), corpusSeed: args.num('corpus-seed'), settings }, {
      onProgress: (p) => {
        if (p.stage !== lastStage || p.done === p.total) console.error(`  ${p.stage}: ${p.done}/${p.total}`);
        lastStage = p.stage;
      },
      onFold: (e) => {
        const head = `fold ${e.index}/${e.total} ${e.source}`;
        if (e.status === 'start') console.error(`${head}: training`);
        else {
          const f = e.result!;
          console.error(`${head}: ${e.status === 'kept' ? 'kept from an earlier run' : `done in ${f.seconds.toFixed(0)} s`}; ` +
            `${f.report.clips} clips, micro F1 ${f.report.micro.f1.toFixed(3)}, macro F1 ${f.report.macro.f1.toFixed(3)}`);
        }
      },
      onEpoch: (e) => console.error(
        `  ${e.source} epoch ${e.epoch}: loss ${e.trainLoss.toFixed(4)}, val loss ${e.valLoss.toFixed(4)}, ` +
        `val micro-F1 ${e.valMicroF1.toFixed(3)}, ${e.seconds.toFixed(1)} s${e.improved ? ' *' : ''}`),
    });
    if (json) console.log(JSON.stringify(r, null, 1));
    else console.log(losoMarkdown(r));
  },
};

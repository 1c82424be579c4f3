// `diffpir train-baseline`: trains the Han et al. (2017) CNN on a corpus's train split (early
// stopping and threshold on validation), scores the test split, and writes model.json,
// weights.bin and card.md to --out. Engine: src/baseline/node.ts.
import { hanFitArgs } from '../han-fit-args.ts';
import type { Command } from '../command.ts';
import { portableCommand } from '../../common/portable-path.ts';
import { initNodeBackend } from '../../compute/node.ts';
import { trainBaselineOnCorpus } from '../../baseline/node.ts';

export const trainBaselineCommand: Command = {
  name: 'train-baseline',
  summary: 'Train the Han et al. CNN baseline on a corpus and write it with a card',
  usage:
    'npx diffpir train-baseline --corpus <dir|tiny|small|full> --out <dir> [--epochs 50] [--seed 1]\n' +
    '    [--patience 5] [--batch 128] [--lr 0.001] [--corpus-seed 1] [--max-clips N] [--with-multi] [--backend wasm|cpu]\n' +
    '    --with-multi  also train on the OpenPIR-like multi-label training clips (recorded-recipe corpora)',
  async run(args) {
    const corpus = args.requireStr('corpus');
    const out = args.requireStr('out');
    const backend = await initNodeBackend(args.str('backend'));
    const settings = hanFitArgs(args);
    console.error(`train-baseline: ${backend.name} backend; corpus ${corpus}`);
    let lastStage = '';
    const { model, evaluation } = await trainBaselineOnCorpus({
      corpus, out, settings, corpusSeed: args.num('corpus-seed'), maxClips: args.num('max-clips'), withMulti: args.bool('with-multi'),
      command: portableCommand('train-baseline', process.argv.slice(3)),
    }, {
      onProgress: (p) => {
        if (p.stage !== lastStage || p.done === p.total) console.error(`  ${p.stage}: ${p.done}/${p.total}`);
        lastStage = p.stage;
      },
      onEpoch: (e) => console.error(
        `  epoch ${e.epoch}: loss ${e.trainLoss.toFixed(4)}, val loss ${e.valLoss.toFixed(4)}, ` +
        `val micro-F1 ${e.valMicroF1.toFixed(3)}, ${e.seconds.toFixed(1)} s${e.improved ? ' *' : ''}`),
    });
    const m = model.meta.metrics;
    console.log(`wrote ${out} (${model.meta.parameters} parameters, ${m.epochs.length} epochs, kept ${m.bestEpoch})`);
    console.log(`threshold ${model.meta.threshold.values[0]} (validation micro F1 ${evaluation.validation.micro.f1.toFixed(3)})`);
    console.log(`test: micro F1 ${evaluation.test.micro.f1.toFixed(3)}, macro F1 ${evaluation.test.macro.f1.toFixed(3)} on ${evaluation.test.clips} clips`);
    model.dispose();
  },
};

// `diffpir score-han`: micro/macro F1 and class-wise P/R/F1 of a Han CNN folder on one split of a
// corpus folder, at the model's stored validation threshold; `--by source` adds one row per
// source of the clips' labelled parts. Engine: src/baseline/score-han.ts (+ score-han-node.ts).
import { existsSync } from 'node:fs';
import path from 'node:path';
import type { Command } from '../command.ts';
import { scoreHanOnCorpus, type ScoreHanOnCorpusResult } from '../../baseline/score-han-node.ts';
import { LabError } from '../../common/errors.ts';
import { initNodeBackend } from '../../compute/node.ts';
import { SPLITS, type Split } from '../../corpus/types.ts';
import type { MetricsReport } from '../../evaluation/types.ts';

const f3 = (x: number | null) => (x === null ? '  n/a' : x.toFixed(3));

function formatText(han: string, corpus: string, r: ScoreHanOnCorpusResult): string {
  const rep = r.score.report;
  const t = r.threshold.every((v) => v === r.threshold[0]) ? r.threshold[0].toFixed(2) : 'per class';
  const lines = [
    `Han CNN ${han} on ${corpus}: ${rep.split} split, ${rep.clips} clips; threshold ${t}`,
    `micro F1 ${f3(rep.micro.f1)} (P ${f3(rep.micro.precision)}, R ${f3(rep.micro.recall)}); macro F1 ${f3(rep.macro.f1)} (over ${rep.macro.classesAveraged} classes)`,
    '', 'class  clips  precision  recall     F1',
    ...rep.classes.map((c) => `${c.code.padEnd(5)}  ${String(c.support).padStart(5)}  ${f3(c.precision).padStart(9)}  ${f3(c.recall).padStart(6)}  ${f3(c.f1).padStart(5)}`),
  ];
  if (r.bySource) {
    const w = Math.max(6, ...r.bySource.map((s) => s.source.length));
    lines.push('', 'By source of the labelled parts (a clip counts under each of its sources)',
      `${'source'.padEnd(w)}  clips  micro P  micro R  micro F1  macro F1`,
      ...r.bySource.map(({ source, report: s }) =>
        `${source.padEnd(w)}  ${String(s.clips).padStart(5)}  ${f3(s.micro.precision).padStart(7)}  ${f3(s.micro.recall).padStart(7)}  ${f3(s.micro.f1).padStart(8)}  ${f3(s.macro.f1).padStart(8)}`));
  }
  return lines.join('\n');
}

const reportJson = (r: MetricsReport) => ({ clips: r.clips, micro: r.micro, macro: r.macro, classes: r.classes });

export const scoreHanCommand: Command = {
  name: 'score-han',
  summary: 'Score a Han CNN on a corpus split: micro/macro F1, class-wise P/R/F1, optionally per source',
  usage:
    'npx diffpir score-han --han <dir> --corpus <dir with manifest.json> [--split test] [--by source] [--json] [--backend wasm|cpu]\n' +
    '  --han     a Han CNN folder (model.json + weights.bin, from `npx diffpir train-baseline`; e.g. models/han-cnn-small)\n' +
    '  --by      source: one row per source of the clips\' labelled parts (a clip counts under each of its sources)',
  async run(args) {
    const hanDir = args.requireStr('han');
    const corpus = args.requireStr('corpus');
    const split = (args.str('split') ?? 'test') as Split;
    if (!SPLITS.includes(split)) throw new LabError(`--split must be one of ${SPLITS.join(', ')}, got "${split}"`);
    const by = args.str('by');
    if (by !== undefined && by !== 'source') throw new LabError(`--by must be "source", got "${by}"`);
    if (!existsSync(path.join(hanDir, 'model.json'))) throw new LabError(`no Han CNN at ${hanDir} (model.json missing)`);
    if (!existsSync(path.join(corpus, 'manifest.json'))) throw new LabError(`no corpus at ${corpus} (manifest.json missing)`);
    await initNodeBackend(args.str('backend'));
    const r = await scoreHanOnCorpus(hanDir, corpus, split, { bySource: by === 'source' });
    if (!args.bool('json')) return void console.log(formatText(hanDir, corpus, r));
    console.log(JSON.stringify({
      han: hanDir, corpus, split, threshold: r.threshold, ...reportJson(r.score.report),
      ...(r.bySource ? { bySource: r.bySource.map((s) => ({ source: s.source, ...reportJson(s.report) })) } : {}),
    }));
  },
};

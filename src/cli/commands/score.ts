// `diffpir score`: a recognizer (probe or Han CNN, calibrated when its folder has
// calibration.json) on a folder of labelled audio: class-wise P/R/F1, micro/macro F1, the
// multi-label confusion table, the not-sure count and ECE; --json / --csv write them. The folder
// is a corpus (manifest.json; --split), a labels.json folder or IRMAS style (.txt beside each
// file, or [code] in the name). Unreadable files are skipped and counted. Pipeline:
// src/recognition/score-folder.ts (scoreFolder), folders: src/recognition/labelled-folder-node.ts.
import { writeFile } from 'node:fs/promises';
import type { Command } from '../command.ts';
import { fileProgress } from '../file-progress.ts';
import { formatBySourceText, formatScoreText, scoreCsv, scoreJson } from '../format-score.ts';
import { LabError } from '../../common/errors.ts';
import { initNodeBackend } from '../../compute/node.ts';
import { SPLITS, type Split } from '../../corpus/types.ts';
import { openLabelledFolder, openRecognizer } from '../../recognition/node.ts';
import { scoreBySource } from '../../recognition/score-by-source.ts';
import { scoreFolder } from '../../recognition/score-folder.ts';

export const scoreCommand: Command = {
  name: 'score',
  summary: 'Score a probe or Han CNN on a folder of labelled audio: class-wise P/R/F1, micro/macro F1, confusion, not-sure count, ECE',
  usage:
    'npx diffpir score <folder> [--probe <dir> | --han <dir> | --combination <dir>] [--split test|validation|train] [--json out.json] [--csv out.csv] [--uncalibrated]\n' +
    '    [--by source] [--model <name|dir>] [--cache <dir>] [--backend wasm|cpu]\n' +
    '  <folder>  labels come from, in this order: manifest.json (a corpus; --split when it has several splits),\n' +
    '            labels.json ({"a.wav": ["pia", "voi"], "b.wav": []}), or IRMAS style: a .txt beside each audio\n' +
    '            file (one class code per line) or the code in the first [brackets] of its name ([pia][jaz_blu]1234__1.wav)\n' +
    '  --probe / --han / --combination  the recognizer (default models/probe-default); its calibration.json is applied unless --uncalibrated\n' +
    '  --json F  write the full report (with one row per file) to F ("-": print it instead of the text)\n' +
    '  --csv F   write one row per class (P/R/F1 and its confusion row) plus micro and macro to F\n' +
    '  --by source  (a corpus folder) also micro/macro and class-wise F1 per source of the clips\' labelled parts (sample library, bank, collection)',
  async run(args) {
    const dir = args.positional(0, 'folder of labelled audio (labels.json, IRMAS-style .txt / [tags], or a corpus with manifest.json)');
    if (args.parsed.positionals.length > 1) throw new LabError(`one folder at a time (got ${args.parsed.positionals.length}: ${args.parsed.positionals.join(' ')})`);
    const split = args.str('split') as Split | undefined;
    if (split !== undefined && !SPLITS.includes(split)) throw new LabError(`--split must be one of ${SPLITS.join(', ')}, got "${split}"`);
    const jsonOut = args.str('json');
    const csvOut = args.str('csv');
    const by = args.str('by');
    if (by !== undefined && by !== 'source') throw new LabError(`--by takes "source", got "${by}"`);
    const folder = openLabelledFolder(dir, { split, onWarning: (w) => console.error(`warning: ${w}`) });
    if (by && folder.layout !== 'corpus') throw new LabError(`--by source needs a corpus folder (manifest.json); ${dir} is a ${folder.layout} folder`);
    for (const w of folder.warnings) console.error(`score: ${w}`);
    await initNodeBackend(args.str('backend'));
    const recognizer = await openRecognizer({
      probe: args.str('probe'), han: args.str('han'), combination: args.str('combination'), model: args.str('model'), cache: args.str('cache'), uncalibrated: args.bool('uncalibrated'),
    });
    try {
      const result = await scoreFolder(folder.items, recognizer, {
        split: folder.split ?? 'test',
        onProgress: fileProgress('score'),
        onSkip: (s) => console.error(`score: skipped ${s.name}: ${s.why}`),
      });
      if (result.skipped.length) console.error(`score: ${result.skipped.length} of ${folder.items.length} files skipped (unreadable); scores are over the other ${result.files.length}`);
      const contentId = await folder.contentId();
      if (recognizer.calibration && recognizer.calibration.fittedOn.contentId === contentId) {
        console.error(`score: warning: ${folder.name} is the set the calibration was fitted on; its scores and calibrated ECE are in-sample (optimistic)`);
      }
      const bySource = by ? scoreBySource(result, folder.split ?? 'test') : undefined;
      const json = { ...scoreJson({ name: folder.name, layout: folder.layout, split: folder.split, contentId }, result), ...(bySource ? { bySource } : {}) };
      if (jsonOut === '-') console.log(JSON.stringify(json));
      else {
        console.log(formatScoreText(dir, folder.split ? `corpus, ${folder.split} split` : folder.layout, result));
        if (bySource) console.log(`\n${formatBySourceText(bySource)}`);
      }
      if (jsonOut !== undefined && jsonOut !== '-') {
        await writeFile(jsonOut, JSON.stringify(json, null, 1) + '\n');
        console.error(`score: wrote ${jsonOut}`);
      }
      if (csvOut !== undefined) {
        await writeFile(csvOut, scoreCsv(result));
        console.error(`score: wrote ${csvOut}`);
      }
    } finally {
      recognizer.dispose();
    }
  },
};

// `diffpir spread`: mean ± sd of every cell over results files of one sweep run with different
// probe seeds, and the paired subject - control differences (src/sweep/spread.ts).
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Command } from '../command.ts';
import { readJsonFiles } from '../read-json-files.ts';
import { LabError } from '../../common/errors.ts';
import { formatSpread, sweepSpread } from '../../sweep/spread.ts';
import type { SweepResults } from '../../sweep/types.ts';

export const spreadCommand: Command = {
  name: 'spread',
  summary: 'Mean ± sd of each sweep cell over results files that differ only in the probe seed, with paired subject - control differences',
  usage: 'npx diffpir spread <results.json>... [--json out.json]\n' +
    '  every file must be the same sweep (models, corpus, noise seed, window, fit settings, baseline, outside sets)\n' +
    '  run with its own --probe-seed; cells missing from any file are left out',
  async run(args) {
    const names = args.parsed.positionals;
    if (names.length < 2) throw new LabError('give two or more results files, e.g. npx diffpir spread seed1.json seed2.json seed3.json');
    const files = (await readJsonFiles(names)).map((f) => ({ name: f.name, results: f.results as SweepResults }));
    const report = sweepSpread(files);
    console.log(formatSpread(report));
    const json = args.str('json');
    if (json !== undefined) {
      await writeFile(json, JSON.stringify({ format: 'diffpir-spread', version: 1, files: names.map((n) => path.basename(n)), ...report }, null, 2) + '\n');
      console.log(`\nwrote ${json}`);
    }
  },
};

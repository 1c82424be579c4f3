// `diffpir merge`: joins the results files of a sweep's shards (--shard i/N) into one, by cell
// key, and prints the sweep's tables; refuses files of another plan, corpus or models.
import type { Command } from '../command.ts';
import { readJsonFiles } from '../read-json-files.ts';
import { LabError } from '../../common/errors.ts';
import { formatSweepReport } from '../../sweep/report.ts';
import { JsonFileStore } from '../../sweep/node.ts';
import { mergeShards } from '../../sweep-queue/index.ts';

export const mergeCommand: Command = {
  name: 'merge',
  summary: 'Join the results files of a sweep\'s shards (sweep --shard i/N) into one results file',
  usage: 'npx diffpir merge <shard.json>... --out <results.json>\n' +
    '  every file must come from the same plan, corpus and models (their content ids are compared)',
  async run(args) {
    const out = args.requireStr('out');
    const names = args.parsed.positionals;
    if (names.length === 0) throw new LabError('give the shard files to merge, e.g. npx diffpir merge shards/*.json --out results.json');
    const files = await readJsonFiles(names);
    const { results, warnings } = await mergeShards(files);
    for (const w of warnings) console.error(`warning: ${w}`);
    await new JsonFileStore(out).save(results);
    console.log(formatSweepReport(results));
    console.log(`\nmerged ${names.length} file${names.length === 1 ? '' : 's'}: ${results.cells.length} cells in ${out}`);
  },
};

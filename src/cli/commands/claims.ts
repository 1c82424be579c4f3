// `diffpir claims`: the seed paper's claims answered from sweep results files (src/sweep/claims.ts),
// per file and across files labelled a, b, c (Models A, B, C) and a+multi, b+multi, c+multi.
import { writeFile } from 'node:fs/promises';
import type { Command } from '../command.ts';
import { readJsonFiles } from '../read-json-files.ts';
import { LabError } from '../../common/errors.ts';
import { DEFAULT_CLAIMS_MARGIN, paperClaims } from '../../sweep/claims.ts';
import { formatClaims } from '../../sweep/claims-format.ts';
import type { SweepResults } from '../../sweep/types.ts';

export const claimsCommand: Command = {
  name: 'claims',
  summary: "Answer the paper's claims (low noise, bottleneck, richer heads, control, Han CNN, multi-label data) from sweep results files, with the numbers",
  usage: 'npx diffpir claims <label>=<results.json>... [--margin 0.01] [--json out.json]\n' +
    '  labels: a, b, c for the sweeps of Models A, B, C (probes without the multi-label clips), a+multi, b+multi, c+multi\n' +
    '  for the same sweeps with --with-multi; any other label gets the per-file answers only. E.g.\n' +
    '  npx diffpir claims a=models/model-a/sweep-small.json b=models/model-b/sweep-small.json a+multi=models/model-a/sweep-small-multi.json\n' +
    `  --margin  F1 differences up to this count as a tie (default ${DEFAULT_CLAIMS_MARGIN}: about the probe-seed sd at a cell; one seed per file)`,
  async run(args) {
    const specs = args.parsed.positionals.map((p) => {
      const eq = p.indexOf('=');
      if (eq <= 0 || eq === p.length - 1) throw new LabError(`claims: "${p}" should be <label>=<results.json>, e.g. a=models/model-a/sweep-small.json`);
      return { label: p.slice(0, eq), file: p.slice(eq + 1) };
    });
    if (!specs.length) throw new LabError('claims: give one or more <label>=<results.json>, e.g. npx diffpir claims a=models/model-a/sweep-small.json');
    const read = await readJsonFiles(specs.map((s) => s.file));
    const report = paperClaims(specs.map((s, i) => ({ label: s.label, results: read[i].results as SweepResults })), args.num('margin', DEFAULT_CLAIMS_MARGIN));
    console.log(formatClaims(report));
    const json = args.str('json');
    if (json !== undefined) {
      await writeFile(json, JSON.stringify({ format: 'diffpir-claims', version: 1, inputs: Object.fromEntries(specs.map((s) => [s.label, s.file])), ...report }, null, 2) + '\n');
      console.log(`\nwrote ${json}`);
    }
  },
};

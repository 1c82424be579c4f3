// `diffpir combine`: declares a combination of recognizers (probe and/or Han CNN folders) as a
// folder of its own: combination.json (members relative to it, weights) and card.md. recognize,
// score and calibrate then take it with --combination / as the model folder. Rule and identity:
// src/recognition/combination.ts.
import { existsSync, readFileSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Command } from '../command.ts';
import { LabError } from '../../common/errors.ts';
import { COMBINATION_FILE, COMBINATION_RULE, makeCombination } from '../../recognition/combination.ts';
import { modelFolderKind, modelIdentity } from '../../recognition/node.ts';

/** The classes a probe or Han CNN folder declares (probe.json / model.json). */
function folderClasses(dir: string, kind: 'probe' | 'han'): string[] {
  const json = JSON.parse(readFileSync(path.join(dir, kind === 'probe' ? 'probe.json' : 'model.json'), 'utf8')) as { classes?: string[] };
  return json.classes ?? [];
}

export const combineCommand: Command = {
  name: 'combine',
  summary: 'Declare a combination of probes and/or Han CNNs (weighted mean of their raw probabilities) as a model folder of its own',
  usage:
    'npx diffpir combine <model dir> <model dir>... --out <dir> [--weights 1,1] [--note "how it was chosen"]\n' +
    '  members: probe folders (probe.json) or Han CNN folders (model.json), with the same classes\n' +
    '  then: `npx diffpir calibrate <dir> --on <validation set>`, `npx diffpir score <folder> --combination <dir>`,\n' +
    '        `npx diffpir recognize <audio> --combination <dir>`',
  async run(args) {
    const members = args.parsed.positionals;
    if (members.length < 2) throw new LabError(`give at least two model folders to combine (got ${members.length})`);
    const out = args.requireStr('out');
    const weightsArg = args.str('weights');
    const weights = weightsArg === undefined ? members.map(() => 1) : weightsArg.split(',').map((w) => Number(w.trim()));
    if (weights.length !== members.length || weights.some((w) => !(w > 0) || !Number.isFinite(w))) {
      throw new LabError(`--weights needs one positive number per member (${members.length}), got "${weightsArg}"`);
    }
    let classes: string[] | undefined;
    const lines: string[] = [];
    for (const [i, m] of members.entries()) {
      if (!existsSync(m)) throw new LabError(`${m}: no such folder`);
      const kind = modelFolderKind(m);
      if (kind === 'combination') throw new LabError(`${m} is itself a combination; list its members instead`);
      const c = folderClasses(m, kind);
      if (classes === undefined) classes = c;
      else if (c.join() !== classes.join()) throw new LabError(`${m} has classes ${c.join(',')}, ${members[0]} has ${classes.join(',')}; a combination needs the same classes`);
      lines.push(`- ${kind === 'han' ? 'Han CNN' : 'probe'} \`${path.basename(path.resolve(m))}\` (weights ${modelIdentity(m, kind).weights}), weight ${weights[i]}`);
    }
    const note = args.str('note');
    const spec = makeCombination(members.map((m, i) => ({ folder: path.relative(path.resolve(out), path.resolve(m)).split(path.sep).join('/'), weight: weights[i] })), note);
    await mkdir(out, { recursive: true });
    await writeFile(path.join(out, COMBINATION_FILE), JSON.stringify(spec, null, 1) + '\n');
    const card = [
      `# ${path.basename(path.resolve(out))}: a combination of recognizers`, '',
      `Rule: ${COMBINATION_RULE}. Uncalibrated, a class is named when the mean is at least 0.5; fit a calibration with`,
      `\`npx diffpir calibrate ${out} --on <validation set>\`.`, '', 'Members:', ...lines, '',
      ...(note ? ['How it was chosen:', note, ''] : []),
    ].join('\n');
    await writeFile(path.join(out, 'card.md'), card);
    console.log(`wrote ${path.join(out, COMBINATION_FILE)} and card.md (${members.length} members)`);
  },
};

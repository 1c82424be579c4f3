// Reads the JSON files named on a command line (merge, spread): each parsed, with its base name; a
// missing or unparsable file stops the command with one line naming it.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { LabError } from '../common/errors.ts';

export async function readJsonFiles(names: string[]): Promise<{ name: string; results: unknown }[]> {
  return Promise.all(names.map(async (name) => {
    let text: string;
    try {
      text = await readFile(name, 'utf8');
    } catch (e) {
      throw new LabError(`${name}: cannot read it (${(e as NodeJS.ErrnoException).code ?? String(e)})`);
    }
    try {
      return { name: path.basename(name), results: JSON.parse(text) as unknown };
    } catch (e) {
      throw new LabError(`${name}: not valid JSON (${(e as Error).message})`);
    }
  }));
}

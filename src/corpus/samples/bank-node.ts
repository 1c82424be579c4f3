// Node only: opens the packed recorded bank from a folder (default: banks/recorded in this
// repository), once per folder per process. A missing bank names the folder and the command
// that builds it.
import { existsSync, readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { LabError } from '../../common/errors.ts';
import { openSampleBank, type LoadedSampleBank } from './bank-load.ts';

/** banks/recorded at the repository root. */
export function defaultSampleBankDir(): string {
  return fileURLToPath(new URL('../../../banks/recorded/', import.meta.url));
}

const cache = new Map<string, LoadedSampleBank>();

export function loadSampleBankNode(dir: string = defaultSampleBankDir()): LoadedSampleBank {
  const abs = path.resolve(dir);
  let b = cache.get(abs);
  if (!b) {
    const index = path.join(abs, 'bank.json');
    if (!existsSync(index)) throw new LabError(`recorded sample bank not found: ${index} is missing (the repository ships it; rebuild with \`npx diffpir bank build\`)`);
    b = openSampleBank(readFileSync(index, 'utf8'), async (file) => new Uint8Array(await readFile(path.join(abs, file))), index);
    cache.set(abs, b);
  }
  return b;
}

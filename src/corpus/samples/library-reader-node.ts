// Node only: reads a sample library's files from a fetched copy, either a bare git directory
// (as the repository snapshot tool leaves it: read at its HEAD commit) or a plain folder.
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { LabError } from '../../common/errors.ts';

export interface LibraryReader {
  /** Commit the files are read at ("working-copy" for a plain folder). */
  commit: string;
  /** Every file path (relative, '/'-separated) under `dir`. */
  list(dir: string): string[];
  read(file: string): Uint8Array;
  exists(file: string): boolean;
}

export function isGitDir(dir: string): boolean {
  return existsSync(path.join(dir, 'HEAD')) && existsSync(path.join(dir, 'objects'));
}

/** Finds the git dir of a fetched "owner/repo" under `mirror` (owner+repo/...), or undefined. */
export function findMirror(mirror: string, repo: string): string | undefined {
  const base = path.join(mirror, repo.replace('/', '+'));
  if (!existsSync(base)) return undefined;
  if (isGitDir(base)) return base;
  const stack = [base];
  for (let depth = 0; depth < 3 && stack.length; depth++) {
    const next: string[] = [];
    for (const d of stack) {
      for (const e of readdirSync(d)) {
        const p = path.join(d, e);
        if (!statSync(p).isDirectory()) continue;
        if (isGitDir(p)) return p;
        next.push(p);
      }
    }
    stack.splice(0, stack.length, ...next);
  }
  return undefined;
}

export function gitLibrary(gitDir: string): LibraryReader {
  const git = (args: string[], maxBuffer = 64 << 20) => execFileSync('git', ['--git-dir', gitDir, ...args], { maxBuffer });
  const commit = git(['rev-parse', 'HEAD']).toString().trim();
  let files: string[] | undefined;
  let known: Set<string> | undefined;
  const all = () => (files ??= git(['ls-tree', '-r', '--name-only', commit], 256 << 20).toString().split('\n').filter(Boolean));
  const has = (f: string) => (known ??= new Set(all())).has(f);
  return {
    commit,
    list: (dir) => (dir === '' ? all() : all().filter((f) => f.startsWith(dir.endsWith('/') ? dir : dir + '/'))),
    exists: has,
    read(file) {
      if (!has(file)) throw new LabError(`${gitDir}: no file ${file} at ${commit.slice(0, 10)} (files of 4 MiB and more may be missing from a snapshot)`);
      return new Uint8Array(git(['show', `${commit}:${file}`], 512 << 20));
    },
  };
}

export function folderLibrary(root: string): LibraryReader {
  if (!existsSync(root)) throw new LabError(`sample library folder ${root} does not exist`);
  const walk = (d: string): string[] =>
    readdirSync(path.join(root, d)).flatMap((e) => {
      const rel = d ? `${d}/${e}` : e;
      return statSync(path.join(root, rel)).isDirectory() ? walk(rel) : [rel];
    });
  return {
    commit: 'working-copy',
    list: (dir) => walk(dir.replace(/\/$/, '')),
    exists: (f) => existsSync(path.join(root, f)),
    read(file) {
      const p = path.join(root, file);
      if (!existsSync(p)) throw new LabError(`sample library ${root}: no file ${file}`);
      return new Uint8Array(readFileSync(p));
    },
  };
}

/** A git dir (read at HEAD) or a plain folder. */
export function openLibrary(dir: string): LibraryReader {
  return isGitDir(dir) ? gitLibrary(dir) : folderLibrary(dir);
}

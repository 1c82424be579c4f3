// Node only: importers that read a local dataset and write a manifest pointing at the original
// audio (nothing is copied). `importIrmas(dir)` walks an IRMAS folder; `importOpenPir(json,
// audioRoot)` reads OpenPIR metadata and finds the OpenMIC audio.
import { closeSync, existsSync, openSync, readFileSync, readSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { LabError } from '../common/errors.ts';
import { parseIrmasListing, type IrmasImportOptions, type ListedFile } from './import-irmas.ts';
import { parseOpenPir } from './import-openpir.ts';
import { makeManifest } from './manifest.ts';
import type { CorpusManifest, Split } from './types.ts';
import { wavInfo } from './wav-info.ts';

function requireDir(dir: string, what: string): string {
  const abs = path.resolve(dir);
  if (!existsSync(abs)) throw new LabError(`${what} not found: ${abs}`);
  if (!statSync(abs).isDirectory()) throw new LabError(`${what} is not a folder: ${abs}`);
  return abs;
}

function walk(root: string, rel = ''): string[] {
  const out: string[] = [];
  for (const e of readdirSync(path.join(root, rel), { withFileTypes: true })) {
    if (e.name.startsWith('.')) continue;
    const p = rel ? `${rel}/${e.name}` : e.name;
    if (e.isDirectory()) out.push(...walk(root, p));
    else if (e.isFile()) out.push(p);
  }
  return out;
}

function head(file: string, bytes = 65536): { head: Uint8Array; size: number } {
  const fd = openSync(file, 'r');
  try {
    const buf = new Uint8Array(bytes);
    const n = readSync(fd, buf, 0, bytes, 0);
    return { head: buf.subarray(0, n), size: statSync(file).size };
  } finally {
    closeSync(fd);
  }
}

export function importIrmas(dir: string, opts: IrmasImportOptions = {}): CorpusManifest {
  const root = requireDir(dir, 'IRMAS folder');
  const files: ListedFile[] = walk(root).map((p) => {
    const abs = path.join(root, p);
    if (/\.txt$/i.test(p)) return { path: p, text: readFileSync(abs, 'utf8') };
    if (/\.wav$/i.test(p)) {
      const { head: h, size } = head(abs);
      const info = wavInfo(h, size);
      return info ? { path: p, duration: info.duration, sampleRate: info.sampleRate } : { path: p };
    }
    return { path: p };
  });
  const { clips, skipped } = parseIrmasListing(files, opts);
  if (clips.length === 0) throw new LabError(`no IRMAS clips found in ${root} (${skipped.length} files skipped${skipped[0] ? `, e.g. ${skipped[0].item}: ${skipped[0].why}` : ''})`);
  return makeManifest('irmas', clips, skipped, { audioRoot: root, created: new Date().toISOString() });
}

export function importOpenPir(jsonFile: string, audioRoot: string, opts: { defaultSplit?: Split } = {}): CorpusManifest {
  const file = path.resolve(jsonFile);
  if (!existsSync(file)) throw new LabError(`OpenPIR metadata not found: ${file}`);
  const root = requireDir(audioRoot, 'audio root');
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(file, 'utf8'));
  } catch (e) {
    throw new LabError(`${file}: not valid JSON (${e instanceof Error ? e.message : String(e)})`);
  }
  const { clips, skipped } = parseOpenPir(json, { exists: (p) => existsSync(path.join(root, p)), defaultSplit: opts.defaultSplit });
  for (const c of clips) {
    if (/\.wav$/i.test(c.file)) {
      const abs = path.join(root, c.file);
      const info = wavInfo(head(abs).head, statSync(abs).size);
      if (info) Object.assign(c, { duration: info.duration, sampleRate: info.sampleRate });
    }
  }
  return makeManifest('openpir', clips, skipped, { audioRoot: root, created: new Date().toISOString() });
}

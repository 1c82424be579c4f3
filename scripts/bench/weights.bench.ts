// Weights: reading, converting and loading a paper-size checkpoint (PAPER_CONFIG, ~129.6M
// parameters, one F32 copy under `net.` + the time-Linear alias, ~520 MB) synthesised in a temp
// dir. Each phase runs in its own Node process, so its peak RSS is measured alone.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { open } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { BenchRow } from '../bench.ts';
import { PAPER_CONFIG } from '../../src/unet/presets.ts';
import { expectedWeightShapes } from '../../src/unet/shapes.ts';
import { encodeSafetensorsHeader, type TensorSpec } from '../../src/weights/safetensors-write.ts';

export const title = 'Weights: paper-size checkpoint (F32, ~520 MB), per phase in its own process';

const here = path.dirname(fileURLToPath(import.meta.url));
const MB = 1024 * 1024;

/** Writes the synthetic checkpoint tensor by tensor (pseudo-random values, never all in memory). */
async function writeCheckpoint(file: string): Promise<number> {
  const specs: TensorSpec[] = [];
  for (const [key, shape] of expectedWeightShapes(PAPER_CONFIG)) {
    specs.push({ name: `net.${key}`, dtype: 'F32', shape });
    if (key.startsWith('blocks.1.blocks.0.0.')) specs.push({ name: `net.${key.replace('blocks.1.blocks.0.0.', 'blocks.1.blocks.1.0.')}`, dtype: 'F32', shape });
  }
  const pool = new Float32Array(4 * MB + 1);
  let seed = 12345;
  for (let i = 0; i < pool.length; i++) {
    seed = (Math.imul(seed, 1664525) + 1013904223) >>> 0;
    pool[i] = (seed / 2 ** 32 - 0.5) * 0.04;
  }
  const fh = await open(file, 'w');
  try {
    await fh.write(encodeSafetensorsHeader(specs, { format: 'pt' }));
    for (const [i, s] of specs.entries()) {
      let n = s.shape.reduce((a, b) => a * b, 1);
      let at = (i * 7919) % MB;
      while (n > 0) {
        const k = Math.min(n, pool.length - at);
        await fh.write(new Uint8Array(pool.buffer, 4 * at, 4 * k));
        n -= k;
        at = 0;
      }
    }
  } finally {
    await fh.close();
  }
  return statSync(file).size;
}

function runPhase(phase: string, file: string, dir: string): { ms: number; cpuMs: number; tensors: number; maxRssMB: number } {
  const r = spawnSync(process.execPath, ['--import', 'tsx', path.join(here, 'weights-phase.ts'), phase, file, dir], { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`weights bench phase ${phase} failed: ${r.stderr}`);
  return JSON.parse(r.stdout.trim().split('\n').at(-1)!);
}

export async function run(): Promise<BenchRow[]> {
  const dir = mkdtempSync(path.join(tmpdir(), 'diffpir-weights-bench-'));
  try {
    const file = path.join(dir, 'paper.safetensors');
    const t0 = performance.now();
    const size = await writeCheckpoint(file);
    const writeMs = performance.now() - t0;
    const rows: BenchRow[] = [{ phase: 'synthesise checkpoint', 'time s': writeMs / 1000, 'MB/s': size / MB / (writeMs / 1000), 'file MB': size / MB }];
    const base = runPhase('baseline', file, dir);
    rows.push({ phase: 'node + modules (baseline)', 'peak RSS MB': base.maxRssMB });
    const labels: Record<string, string> = {
      header: 'header + key grammar only',
      read: 'readSafetensors -> NamedWeights (TF.js layout)',
      'convert-f32': 'convert -> model dir, float32',
      'convert-f16': 'convert -> model dir, float16',
      'load-f32': 'loadModelDir, float32 shards',
      'load-f16': 'loadModelDir, float16 shards',
    };
    for (const phase of Object.keys(labels)) {
      const r = runPhase(phase, file, dir);
      rows.push({
        phase: labels[phase],
        tensors: r.tensors,
        'time s': r.ms / 1000,
        'CPU s': r.cpuMs / 1000,
        'MB/s': size / MB / (r.ms / 1000),
        'peak RSS MB': r.maxRssMB,
        'peak RSS / file': r.maxRssMB / (size / MB),
        'above baseline MB': r.maxRssMB - base.maxRssMB,
      });
    }
    return rows;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

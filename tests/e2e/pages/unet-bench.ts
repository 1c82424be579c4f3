// Bench-only entry for unet-bench.html: starts ?backend= (default wasm) through the app's
// BrowserRuntime, builds ?config=student|paper from seeded random weights with the app's
// createUNet defaults, and times forwards of 2 s clips (128 x 104): for each ?batches= (e.g. 1,8)
// the full forward and early exit at the first up block (every bottleneck tap). The first forward
// of each batch size is untimed (weight packing, shader compilation). Publishes
// window.__unetBench.
import * as tf from '@tensorflow/tfjs';
import { BrowserRuntime } from '../../../src/compute/browser/runtime.ts';
import type { BackendName } from '../../../src/compute/types.ts';
import { createUNet, type UNet } from '../../../src/unet/model.ts';
import { PAPER_CONFIG, STUDENT_CONFIG } from '../../../src/unet/presets.ts';
import { randomInitWeights } from '../../../src/unet/randomInit.ts';
import { paperProbeSites } from '../../../src/unet/taps.ts';

export interface UNetBenchRow {
  batch: number;
  mode: 'full' | 'bottleneck';
  /** Median wall seconds of one forward of the whole batch (outputs read back). */
  seconds: number;
}

export interface UNetBenchResult {
  backend: string;
  facts: Record<string, string | number | boolean>;
  config: string;
  loadSeconds: number;
  rows: UNetBenchRow[];
  leakedTensors: number;
  error?: string;
}

async function timeForward(model: UNet, batch: number, taps: string[] | undefined, reps: number): Promise<number> {
  const x = tf.randomNormal([batch, 128, 104, 1]);
  const sigma = tf.fill([batch], 0.5) as tf.Tensor1D;
  const runs: number[] = [];
  for (let i = 0; i < reps; i++) {
    const t0 = performance.now();
    const r = model.forward(x, sigma, taps ? { taps } : {});
    const outs = [...(r.v ? [r.v] : []), ...r.taps.values()];
    for (const t of outs) await t.data();
    runs.push((performance.now() - t0) / 1000);
    tf.dispose(outs);
  }
  tf.dispose([x, sigma]);
  return runs.sort((a, b) => a - b)[Math.floor(runs.length / 2)];
}

async function run(): Promise<UNetBenchResult> {
  const query = new URLSearchParams(location.search);
  const requested = (query.get('backend') ?? 'wasm') as BackendName;
  const name = query.get('config') ?? 'student';
  const cfg = name === 'paper' ? PAPER_CONFIG : name === 'student' ? STUDENT_CONFIG : undefined;
  if (!cfg) throw new Error(`?config= must be paper or student (got ${name})`);
  const batches = (query.get('batches') ?? '1').split(',').map(Number);
  const reps = Number(query.get('reps') ?? 3);
  const runtime = new BrowserRuntime({ notice: () => {}, backend: () => {} });
  const choice = await runtime.init(requested);
  if (tf.getBackend() !== requested) throw new Error(`backend ${requested} did not start: active ${tf.getBackend()} (${choice.reason})`);

  const start = tf.memory().numTensors;
  const t0 = performance.now();
  const model = createUNet(cfg, randomInitWeights(cfg, 1));
  const loadSeconds = (performance.now() - t0) / 1000;
  const sites = paperProbeSites(cfg);
  const early = [...sites.bottleneck, sites.firstUp];
  const rows: UNetBenchRow[] = [];
  try {
    for (const batch of batches) {
      await timeForward(model, batch, undefined, 1);
      for (const mode of ['bottleneck', 'full'] as const) {
        rows.push({ batch, mode, seconds: await timeForward(model, batch, mode === 'full' ? undefined : early, batch > 1 && name === 'paper' ? 1 : reps) });
      }
    }
  } finally {
    model.dispose();
  }
  return { backend: tf.getBackend(), facts: choice.facts, config: name, loadSeconds, rows, leakedTensors: tf.memory().numTensors - start };
}

const w = window as unknown as { __unetBench?: UNetBenchResult };
run().then(
  (r) => { w.__unetBench = r; document.getElementById('result')!.textContent = JSON.stringify(r, null, 1); },
  (e: unknown) => {
    w.__unetBench = { backend: tf.getBackend() ?? 'none', facts: {}, config: '', loadSeconds: 0, rows: [], leakedTensors: 0, error: e instanceof Error ? e.message : String(e) };
    document.getElementById('result')!.textContent = `error: ${w.__unetBench.error}`;
  },
);

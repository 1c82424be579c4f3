// U-Net forward speed and load memory on WASM in Node: paper-size (129.6M params) and student
// configs, random weights, 2 s clips (128 x 104 mel), full forward and early exit at the first up
// block (which covers every bottleneck tap), batch 1 and 8. Wall time is what a user waits; CPU
// time (the process's, single-threaded WASM) is what it would be on an idle machine. GMAC counts
// the network's plain arithmetic (siteMacs), so GMAC/s compares with a direct implementation.
// UNET_BENCH_QUICK=1 skips the paper-size batch of 8.
import os from 'node:os';
import * as tf from '@tensorflow/tfjs';
import type { BenchRow } from '../bench.ts';
import { initNodeBackend } from '../../src/compute/node.ts';
import type { UNetConfig } from '../../src/unet/config.ts';
import { createUNet, type UNet, type UNetOptions } from '../../src/unet/model.ts';
import { randomInitWeights } from '../../src/unet/randomInit.ts';
import { parameterCount } from '../../src/unet/shapes.ts';
import { forwardMacs } from '../../src/unet/macs.ts';
import { paperProbeSites } from '../../src/unet/taps.ts';
import { PAPER_CONFIG, STUDENT_CONFIG } from '../../src/unet/presets.ts';

export const title = 'U-Net forward per 2 s clip (128 x 104), random weights, WASM in Node';

const PYTORCH_FULL_S = { paper: 3.8, student: 0.1 }; // PyTorch 1.13, 2 threads, this machine
const MB = 2 ** 20;

interface Timing {
  wall: number;
  cpu: number;
}

/** Median wall and CPU seconds of `reps` runs of a forward (outputs read back, then disposed). */
function timeForward(model: UNet, batch: number, taps: string[] | undefined, reps: number): Timing {
  const x = tf.randomNormal([batch, 128, 104, 1]);
  const sigma = tf.fill([batch], 0.5) as tf.Tensor1D;
  const runs: Timing[] = [];
  for (let i = 0; i < reps; i++) {
    const c0 = process.cpuUsage();
    const t0 = performance.now();
    const r = model.forward(x, sigma, taps ? { taps } : {});
    for (const t of [...(r.v ? [r.v] : []), ...r.taps.values()]) t.dataSync();
    const c = process.cpuUsage(c0);
    runs.push({ wall: (performance.now() - t0) / 1000, cpu: (c.user + c.system) / 1e6 });
    tf.dispose([...(r.v ? [r.v] : []), ...r.taps.values()]);
  }
  tf.dispose([x, sigma]);
  const median = (k: keyof Timing) => runs.map((r) => r[k]).sort((a, b) => a - b)[Math.floor(runs.length / 2)];
  return { wall: median('wall'), cpu: median('cpu') };
}

function wasmHeapBytes(): number | undefined {
  const b = tf.backend() as unknown as { wasm?: { HEAPU8?: Uint8Array } };
  return b.wasm?.HEAPU8?.buffer.byteLength;
}

/** Creates the model from seeded random weights, logging memory before and after. */
function load(name: string, cfg: UNetConfig, opts: UNetOptions = {}): UNet {
  const rss0 = process.memoryUsage().rss;
  const t0 = performance.now();
  const weights = randomInitWeights(cfg, 1);
  const t1 = performance.now();
  const rss1 = process.memoryUsage().rss;
  const model = createUNet(cfg, weights, opts);
  const t2 = performance.now();
  const rss2 = process.memoryUsage().rss;
  weights.clear();
  const heap = wasmHeapBytes();
  console.log(
    `${name}: ${(parameterCount(cfg) / 1e6).toFixed(2)}M parameters (${((parameterCount(cfg) * 4) / MB).toFixed(0)} MB float32); ` +
      `random init ${((t1 - t0) / 1000).toFixed(1)} s, createUNet ${((t2 - t1) / 1000).toFixed(1)} s; ` +
      `RSS ${(rss0 / MB).toFixed(0)} -> ${(rss1 / MB).toFixed(0)} (weights in JS) -> ${(rss2 / MB).toFixed(0)} MB (model made), ` +
      `peak RSS so far ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MB; tensors ${(tf.memory().numBytes / MB).toFixed(0)} MB` +
      (heap ? `, WASM heap ${(heap / MB).toFixed(0)} MB` : ''),
  );
  return model;
}

function row(config: 'paper' | 'student', cfg: UNetConfig, variant: string, batch: number, mode: 'full' | 'bottleneck', t: Timing): BenchRow {
  const stop = mode === 'full' ? undefined : paperProbeSites(cfg).firstUp;
  const gmac = forwardMacs(cfg, [1, 1, 128, 104], stop) / 1e9;
  return {
    config,
    variant,
    batch,
    forward: mode === 'full' ? 'full' : `to ${stop}`,
    'wall s/clip': t.wall / batch,
    'CPU s/clip': t.cpu / batch,
    'GMAC/clip': gmac,
    'GMAC/s (CPU)': (gmac * batch) / t.cpu,
    'PyTorch full s/clip': PYTORCH_FULL_S[config],
    'CPU vs PyTorch full': (t.cpu / batch) / PYTORCH_FULL_S[config],
  };
}

/** One untimed forward (XNNPACK packs each weight on first use), profiled for peak tensor memory. */
async function warmUp(model: UNet, batch: number): Promise<number> {
  const x = tf.randomNormal([batch, 128, 104, 1]);
  const sigma = tf.fill([batch], 0.5) as tf.Tensor1D;
  const info = await tf.profile(() => {
    const r = model.forward(x, sigma);
    r.v!.dataSync();
    r.v!.dispose();
  });
  tf.dispose([x, sigma]);
  return info.peakBytes;
}

export async function run(): Promise<BenchRow[]> {
  await initNodeBackend('wasm');
  const quick = process.env.UNET_BENCH_QUICK === '1';
  console.log(`load average at start: ${os.loadavg().map((l) => l.toFixed(1)).join(' ')} on ${os.cpus().length} cores`);
  const rows: BenchRow[] = [];
  const cases: ['paper' | 'student', UNetConfig, number, number][] = [
    ['paper', PAPER_CONFIG, quick ? 1 : 8, 1],
    ['student', STUDENT_CONFIG, 8, 5],
  ];
  for (const [name, cfg, maxBatch, reps] of cases) {
    const sites = paperProbeSites(cfg);
    const early = [...sites.bottleneck, sites.firstUp];
    const variants: [string, UNetOptions, number][] = [
      ['optimised', {}, maxBatch],
      ['direct convs', { winograd: false, subPixelUpsample: false }, 1],
    ];
    for (const [variant, opts, batchMax] of variants) {
      const model = load(`${name} (${variant})`, cfg, opts);
      const peak = await warmUp(model, batchMax);
      console.log(`${name} (${variant}): peak tensor memory in a batch-${batchMax} full forward ${(peak / MB).toFixed(0)} MB (weights included)`);
      for (const batch of batchMax > 1 ? [1, batchMax] : [1]) {
        for (const mode of ['bottleneck', 'full'] as const) {
          const t = timeForward(model, batch, mode === 'full' ? undefined : early, batch > 1 && name === 'paper' ? 1 : reps);
          rows.push(row(name, cfg, variant, batch, mode, t));
        }
      }
      model.dispose();
    }
  }
  console.log(`load average at end: ${os.loadavg().map((l) => l.toFixed(1)).join(' ')}`);
  return rows;
}

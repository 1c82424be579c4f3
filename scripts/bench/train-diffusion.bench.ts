// Training throughput of the diffusion U-Net on the Node backend (WASM by default): one full
// training step (forward, backward, Adam) on 128 x 104 mel crops, per channel layout and batch.
// Micro-batches of BENCH_TRAIN_MICRO (4) crops bound the WASM heap. Each batch runs with 1 thread
// (the reference step) and with the parallel step on BENCH_TRAIN_THREADS ("1,2") threads, with the
// ratio to 1 thread, the process's CPU time per step and the cores it got (CPU time / wall time:
// below the thread count when other work holds the cores).
// BENCH_TRAIN_CHANNELS="16,32,64,128;8,16,32,64" and BENCH_TRAIN_BATCHES="4,8,16" choose the grid.
// BENCH_TRAIN_GROUPNORM="loops,ops" adds 1-thread rows with GroupNorm as the op chain (GPU path)
// beside the loops the CPU backends use (src/unet/ops/groupNormJs.ts); default: "auto" only.
// "x 1 thread" is the ratio to the batch's first 1-thread row.
import * as tf from '@tensorflow/tfjs';
import { loadavg } from 'node:os';
import { initNodeBackend } from '../../src/compute/node.ts';
import { DEFAULT_ADAM, disposeAdamState, newAdamState } from '../../src/training/adam.ts';
import { Prng } from '../../src/training/prng.ts';
import { startParallelStepper, type ParallelStepper } from '../../src/training/parallel-step.ts';
import { singleThreadStepper } from '../../src/training/stepper.ts';
import { createUNet } from '../../src/unet/model.ts';
import { STUDENT_CONFIG } from '../../src/unet/presets.ts';
import { randomInitWeights } from '../../src/unet/randomInit.ts';
import { parameterCount } from '../../src/unet/shapes.ts';
import { setGroupNormImpl, type GroupNormImpl } from '../../src/unet/ops/groupNormJs.ts';
import type { BenchRow } from '../bench.ts';

export const title = 'Diffusion training throughput (128 x 104 crops, one step = forward + backward + Adam)';

export async function run(): Promise<BenchRow[]> {
  const backend = await initNodeBackend(process.env.BENCH_BACKEND);
  const layouts = (process.env.BENCH_TRAIN_CHANNELS ?? '16,32,64,128').split(';').map((l) => l.split(',').map(Number));
  const batches = (process.env.BENCH_TRAIN_BATCHES ?? '4,8,16').split(',').map(Number);
  const timed = Number(process.env.BENCH_TRAIN_STEPS ?? 3);
  const micro = Number(process.env.BENCH_TRAIN_MICRO ?? 4);
  const threadCounts = (process.env.BENCH_TRAIN_THREADS ?? '1,2').split(',').map(Number);
  const groupNorms = (process.env.BENCH_TRAIN_GROUPNORM ?? 'auto').split(',') as GroupNormImpl[];
  console.log(`load average before: ${loadavg().map((l) => l.toFixed(2)).join(', ')}`);
  const rows: BenchRow[] = [];
  for (const channels of layouts) {
    const config = { ...STUDENT_CONFIG, channels };
    const model = createUNet(config, randomInitWeights(config, 0), { trainable: true });
    const adam = newAdamState(model.params);
    const prng = new Prng(1);
    for (const B of batches) {
      const x = tf.tensor4d(prng.fillNormal(new Float32Array(B * 128 * 104)), [B, 128, 104, 1]);
      const noise = tf.tensor4d(prng.fillNormal(new Float32Array(B * 128 * 104)), [B, 128, 104, 1]);
      const sigma = tf.tensor1d(Array.from({ length: B }, () => prng.uniform()));
      let oneThread = NaN;
      // the setting holds in this thread only: other GroupNorms than 'auto' get 1-thread rows
      for (const [gn, threads] of groupNorms.flatMap((g) => (g === 'auto' ? threadCounts : [1]).map((t) => [g, t] as const))) {
        setGroupNormImpl(gn);
        const ctx = { model, adam, options: DEFAULT_ADAM, microBatch: micro };
        const stepper = threads === 1 ? await singleThreadStepper(ctx) : await startParallelStepper(threads, ctx);
        try {
          await stepper.step(x, noise, sigma); // warm-up (grows each thread's WASM heap)
          const cpu0 = process.cpuUsage();
          const t0 = performance.now();
          let own = 0;
          let workers = 0;
          for (let i = 0; i < timed; i++) {
            await stepper.step(x, noise, sigma);
            const t = 'lastTimes' in stepper ? (stepper as ParallelStepper).lastTimes() : undefined;
            own += t?.ownMs ?? 0;
            workers += t ? Math.max(...t.workerMs) : 0;
          }
          const sec = (performance.now() - t0) / 1000 / timed;
          const cpu = process.cpuUsage(cpu0);
          const cpuSec = (cpu.user + cpu.system) / 1e6 / timed;
          if (threads === 1 && Number.isNaN(oneThread)) oneThread = B / sec;
          rows.push({
            backend: backend.name, channels: `[${channels.join(',')}]`, params: parameterCount(config), batch: B, micro, threads, groupnorm: gn,
            'ms/step': Math.round(sec * 1000), 'clips/s': B / sec, 'steps/hour': Math.round(3600 / sec),
            'x 1 thread': Number.isNaN(oneThread) ? '' : (B / sec / oneThread).toFixed(2),
            'cpu s/step': cpuSec, 'cores used': cpuSec / sec,
            'parts ms (this thread / slowest worker)': threads === 1 ? '' : `${Math.round(own / timed)} / ${Math.round(workers / timed)}`,
          });
        } finally {
          await stepper.dispose();
          setGroupNormImpl('auto');
        }
      }
      tf.dispose([x, noise, sigma]);
    }
    disposeAdamState(adam);
    model.dispose();
  }
  console.log(`load average after: ${loadavg().map((l) => l.toFixed(2)).join(', ')}`);
  return rows;
}

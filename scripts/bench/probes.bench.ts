// Probe heads and the Han CNN: training seconds per epoch on synthetic data, on the backend
// initNodeBackend picks (WASM). Probe rows: ~600 clips of student-size (128 × 16 × 13) and
// paper-size (1024 × 16 × 13) bottleneck maps, batch 32, one epoch (+ a 32-clip validation pass).
// Han CNN row: 1 s windows, batch 128, timed on a few hundred windows and scaled to the
// `small` corpus preset (660 train clips × 3 windows, 165 validation clips × 5 windows).
// BENCH_PROBE_CLIPS (default 600) and BENCH_PROBE_CHANNELS (default "128,1024") shrink the run.
import * as tf from '@tensorflow/tfjs';
import { initNodeBackend } from '../../src/compute/node.ts';
import { HEAD_KINDS, headParamCount, trainProbe } from '../../src/probes/index.ts';
import type { LabelledFeatures } from '../../src/probes/index.ts';
import { trainHan } from '../../src/baseline/train.ts';
import { hanParamCount } from '../../src/baseline/model.ts';
import type { MelClipLabelled } from '../../src/baseline/windows.ts';
import type { BenchRow } from '../bench.ts';

export const title = 'Probe heads and Han CNN: training time per epoch (synthetic data)';

const CLASSES = ['cel', 'cla', 'flu', 'gac', 'gel', 'org', 'pia', 'sax', 'tru', 'vio', 'voi'];

/** Cheap deterministic pseudo-random floats in [-1, 1) and one label per example. */
function synthetic(count: number, shape: number[], seed: number): LabelledFeatures {
  const per = shape.reduce((a, b) => a * b, 1);
  const data = new Float32Array(count * per);
  let s = seed >>> 0;
  for (let i = 0; i < data.length; i++) {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    data[i] = s / 2147483648 - 1;
  }
  const labels = new Uint8Array(count * CLASSES.length);
  for (let n = 0; n < count; n++) labels[n * CLASSES.length + (n % CLASSES.length)] = 1;
  return { shape, data, count, labels };
}

function melClips(count: number, frames: number): MelClipLabelled[] {
  return Array.from({ length: count }, (_, i) => {
    const mel = new Float32Array(128 * frames);
    for (let j = 0; j < mel.length; j++) mel[j] = -6 + Math.sin(j * 0.37 + i) * 2;
    const labels = new Uint8Array(CLASSES.length);
    labels[i % CLASSES.length] = 1;
    return { id: `c${i}`, mel, frames, labels };
  });
}

export async function run(): Promise<BenchRow[]> {
  const backend = await initNodeBackend();
  const clips = Number(process.env.BENCH_PROBE_CLIPS ?? 600);
  const channels = (process.env.BENCH_PROBE_CHANNELS ?? '128,1024').split(',').map(Number);
  const rows: BenchRow[] = [];
  for (const c of channels) {
    const shape = [c, 16, 13];
    const train = synthetic(clips, shape, 1);
    const validation = synthetic(32, shape, 2);
    for (const kind of HEAD_KINDS) {
      const before = tf.memory().numTensors;
      const cpu0 = process.cpuUsage();
      const probe = await trainProbe({
        kind, classes: CLASSES, train, validation,
        featureSpec: { model: 'synthetic', sigma: 0, tap: 'bottleneck', pooled: false, shape },
        settings: { epochs: 1, batchSize: 32, seed: 1 },
      });
      const cpu = process.cpuUsage(cpu0);
      rows.push({
        model: kind, features: `${c}×16×13`, params: headParamCount(kind, shape), examples: clips,
        'epoch s': probe.meta.metrics.epochs[0].seconds, 'cpu s': (cpu.user + cpu.system) / 1e6, backend: backend.name,
      });
      probe.dispose();
      if (tf.memory().numTensors !== before) throw new Error(`${kind}: ${tf.memory().numTensors - before} tensors leaked`);
    }
  }
  // Han CNN: 80 train clips × 3 windows = 240 windows, 16 validation clips × 5 windows = 80.
  const cpu0 = process.cpuUsage();
  const han = await trainHan({
    classes: CLASSES, train: melClips(80, 150), validation: melClips(16, 150), settings: { epochs: 1, seed: 1 },
  });
  const cpu = process.cpuUsage(cpu0);
  const seconds = han.meta.metrics.epochs[0].seconds;
  const m = han.meta.metrics;
  const perWindow = seconds / (m.trainWindows + m.validationWindows / 3); // inference ≈ 1/3 of a training step
  rows.push({
    model: 'han-cnn', features: '128×50 log-mel', params: hanParamCount(), examples: m.trainWindows,
    'epoch s': seconds, 'cpu s': (cpu.user + cpu.system) / 1e6, backend: backend.name,
    'small preset epoch s (est.)': perWindow * (660 * 3 + (165 * 5) / 3),
  });
  han.dispose();
  return rows;
}

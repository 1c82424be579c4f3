// A short measured probe: the median time of a 256x256 matMul (after a warm-up run) on a backend.
// Used only when a WebGPU adapter gives no facts about itself (see needsProbe in choose.ts).
import * as tf from '@tensorflow/tfjs';
import type { BackendName } from '../types.ts';

export async function timeMatMul(backend: BackendName, runs = 5): Promise<number | undefined> {
  const previous = tf.getBackend();
  try {
    if (!(await tf.setBackend(backend))) return undefined;
    const a = tf.randomUniform([256, 256], -1, 1, 'float32', 1);
    const b = tf.randomUniform([256, 256], -1, 1, 'float32', 2);
    const times: number[] = [];
    try {
      for (let i = 0; i <= runs; i++) {
        const t0 = performance.now();
        const c = tf.matMul(a, b);
        await c.data();
        c.dispose();
        if (i > 0) times.push(performance.now() - t0);
      }
    } finally {
      a.dispose();
      b.dispose();
    }
    times.sort((x, y) => x - y);
    return times[Math.floor(times.length / 2)];
  } catch {
    return undefined;
  } finally {
    if (previous) await tf.setBackend(previous);
  }
}

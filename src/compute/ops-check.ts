// A small set of ops the U-Net and probes rely on (conv2d, matMul, softmax, erf, mean/variance,
// nearest-neighbour resize), run on the active backend and on the CPU backend with the same
// seeded inputs; reports the largest absolute difference per op. Tensors are tiny so a software
// WebGPU adapter (SwiftShader) finishes in seconds.
import * as tf from '@tensorflow/tfjs';
import type { OpCheckRow, OpsCheckResult } from './messages/ops-check.ts';
import type { BackendName } from './types.ts';

/** Deterministic values in [lo, hi) from a small LCG, so every backend sees the same inputs. */
function seeded(n: number, seed: number, lo = -1, hi = 1): Float32Array {
  const out = new Float32Array(n);
  let s = seed >>> 0;
  for (let i = 0; i < n; i++) {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    out[i] = lo + ((s >>> 8) / 16777216) * (hi - lo);
  }
  return out;
}

const input = (shape: number[], seed: number, lo?: number, hi?: number) =>
  tf.tensor(seeded(shape.reduce((a, b) => a * b, 1), seed, lo, hi), shape);

/** Each op builds its inputs and returns one output tensor (called inside tf.tidy). */
const OPS: Record<string, () => tf.Tensor> = {
  conv2d: () => tf.conv2d(input([1, 8, 8, 4], 1) as tf.Tensor4D, input([3, 3, 4, 6], 2, -0.5, 0.5) as tf.Tensor4D, 1, 'same'),
  matMul: () => tf.matMul(input([16, 32], 3) as tf.Tensor2D, input([32, 8], 4) as tf.Tensor2D),
  softmax: () => tf.softmax(input([4, 10], 5, -4, 4)),
  erf: () => tf.erf(input([64], 6, -3, 3)),
  mean: () => tf.moments(input([2, 6, 6, 3], 7), [1, 2]).mean,
  variance: () => tf.moments(input([2, 6, 6, 3], 7), [1, 2]).variance,
  resizeNearest: () => tf.image.resizeNearestNeighbor(input([1, 4, 4, 2], 8) as tf.Tensor4D, [8, 8]),
};

export const OPS_CHECKED = Object.keys(OPS);

async function runAll(): Promise<Map<string, { shape: number[]; values: Float32Array }>> {
  const out = new Map<string, { shape: number[]; values: Float32Array }>();
  for (const [name, op] of Object.entries(OPS)) {
    const t = tf.tidy(op);
    try {
      out.set(name, { shape: t.shape.slice(), values: (await t.data()) as Float32Array });
    } finally {
      t.dispose();
    }
  }
  return out;
}

/**
 * Runs the ops on the active backend, then on CPU, and switches back. The caller must make sure
 * nothing else uses TensorFlow.js meanwhile (the worker runs requests one at a time).
 */
export async function checkOpsAgainstCpu(): Promise<OpsCheckResult> {
  const backend = tf.getBackend() as BackendName;
  const t0 = performance.now();
  const actual = await runAll();
  const ms = performance.now() - t0;
  let expected: Awaited<ReturnType<typeof runAll>>;
  if (backend === 'cpu') {
    expected = actual;
  } else {
    await tf.setBackend('cpu');
    try {
      expected = await runAll();
    } finally {
      await tf.setBackend(backend);
    }
  }
  const rows: OpCheckRow[] = OPS_CHECKED.map((op) => {
    const a = actual.get(op)!;
    const b = expected.get(op)!;
    let maxAbsError = 0;
    for (let i = 0; i < a.values.length; i++) {
      const d = Math.abs(a.values[i] - b.values[i]);
      maxAbsError = Number.isNaN(d) ? Infinity : Math.max(maxAbsError, d);
    }
    return { op, shape: a.shape, maxAbsError };
  });
  return { backend, reference: 'cpu', rows, maxAbsError: Math.max(...rows.map((r) => r.maxAbsError)), ms };
}

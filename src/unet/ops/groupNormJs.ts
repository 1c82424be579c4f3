// GroupNorm on the CPU-side backends (wasm, cpu): forward and gradient as plain loops over the
// channels-last data. The op chain in norms.ts broadcasts [B, P, G, per] against [B, 1, G, 1],
// and with 1-2 channels per group XNNPACK runs one call per couple of floats (about 13 % of a
// training step, forward and backward); these loops read each value two or three times.
// Statistics in double precision, two-pass (mean, then mean squared deviation) like PyTorch.
import * as tf from '@tensorflow/tfjs';

export type GroupNormImpl = 'auto' | 'loops' | 'ops';
let impl: GroupNormImpl = 'auto';

/** For benchmarks that compare both on one backend (this thread only): 'auto' (default) picks by backend. */
export function setGroupNormImpl(which: GroupNormImpl): void {
  impl = which;
}

/** Whether groupNorm takes the loops here (data on the CPU) rather than the op chain (GPU backends). */
export function usesJsGroupNorm(): boolean {
  if (impl !== 'auto') return impl === 'loops';
  const b = tf.getBackend();
  return b === 'wasm' || b === 'cpu';
}

interface Dims {
  B: number;
  P: number;
  C: number;
  G: number;
  /** Channel -> its group. */
  groupOf: Int32Array;
}

/** Per (batch, group): mean and 1/sqrt(var + eps), index b * G + g. Sums per channel first (no indirection in the inner loop), then per group. */
function statistics(x: Float32Array, d: Dims, eps: number): { mean: Float64Array; inv: Float64Array } {
  const { B, P, C, G, groupOf } = d;
  const n = P * (C / G);
  const mean = new Float64Array(B * G);
  const inv = new Float64Array(B * G);
  const acc = new Float64Array(C);
  const mu = new Float64Array(C);
  for (let b = 0; b < B; b++) {
    const base = b * P * C;
    acc.fill(0);
    for (let p = 0; p < P; p++) {
      const row = base + p * C;
      for (let c = 0; c < C; c++) acc[c] += x[row + c];
    }
    for (let c = 0; c < C; c++) mean[b * G + groupOf[c]] += acc[c];
    for (let g = 0; g < G; g++) mean[b * G + g] /= n;
    for (let c = 0; c < C; c++) mu[c] = mean[b * G + groupOf[c]];
    acc.fill(0);
    for (let p = 0; p < P; p++) {
      const row = base + p * C;
      for (let c = 0; c < C; c++) {
        const v = x[row + c] - mu[c];
        acc[c] += v * v;
      }
    }
    const vr = new Float64Array(G);
    for (let c = 0; c < C; c++) vr[groupOf[c]] += acc[c];
    for (let g = 0; g < G; g++) inv[b * G + g] = 1 / Math.sqrt(vr[g] / n + eps);
  }
  return { mean, inv };
}

/**
 * GroupNorm of x [B, ..., C] with `groups` groups of consecutive channels; gamma, beta [C]: the
 * same function as norms.ts groupNorm, with a hand-written gradient for x, gamma and beta.
 */
export function groupNormJs(x: tf.Tensor, gamma: tf.Tensor, beta: tf.Tensor, groups: number, eps: number): tf.Tensor {
  const shape = x.shape;
  const C = shape[shape.length - 1];
  const B = shape[0];
  const d: Dims = { B, P: x.size / (B * C), C, G: groups, groupOf: Int32Array.from({ length: C }, (_, c) => Math.floor(c / (C / groups))) };
  const op = tf.customGrad((...args: Array<tf.Tensor | tf.GradSaveFunc>) => {
    const [xt, gt, bt] = args as tf.Tensor[];
    const xd = xt.dataSync() as Float32Array;
    const gd = gt.dataSync() as Float32Array;
    const bd = bt.dataSync() as Float32Array;
    const { mean, inv } = statistics(xd, d, eps);
    const out = new Float32Array(xd.length);
    const scale = new Float64Array(C);
    const shift = new Float64Array(C);
    for (let b = 0; b < B; b++) {
      for (let c = 0; c < C; c++) {
        const k = b * groups + d.groupOf[c];
        scale[c] = inv[k] * gd[c];
        shift[c] = bd[c] - mean[k] * scale[c];
      }
      const base = b * d.P * C;
      for (let p = 0; p < d.P; p++) {
        const row = base + p * C;
        for (let c = 0; c < C; c++) out[row + c] = xd[row + c] * scale[c] + shift[c];
      }
    }
    return {
      value: tf.tensor(out, shape),
      gradFunc: (dy: tf.Tensor | tf.Tensor[]) => gradients((dy as tf.Tensor).dataSync() as Float32Array, xd, gd, mean, inv, d, shape),
    };
  });
  return (op as (...t: tf.Tensor[]) => tf.Tensor)(x, gamma, beta);
}

/**
 * With x^ = (x - mean) * inv and n values per group: dbeta_c = sum dy, dgamma_c = sum dy * x^,
 * dx = inv * (dy * gamma_c - mean_group(dy * gamma) - x^ * mean_group(dy * gamma * x^)), i.e.
 * dx = a_c * dy + b_c * x + d_c per batch item, from per-channel sums of dy and dy * x^.
 */
function gradients(
  dy: Float32Array, x: Float32Array, gamma: Float32Array, mean: Float64Array, inv: Float64Array, d: Dims, shape: number[],
): tf.Tensor[] {
  const { B, P, C, G, groupOf } = d;
  const n = P * (C / G);
  const dGamma = new Float64Array(C);
  const dBeta = new Float64Array(C);
  const dx = new Float32Array(x.length);
  const sumDy = new Float64Array(C);
  const sumDyXh = new Float64Array(C);
  const s1 = new Float64Array(G);
  const s2 = new Float64Array(G);
  const mu = new Float64Array(C);
  const iv = new Float64Array(C);
  const a = new Float64Array(C);
  const bx = new Float64Array(C);
  const c0 = new Float64Array(C);
  for (let b = 0; b < B; b++) {
    for (let c = 0; c < C; c++) {
      mu[c] = mean[b * G + groupOf[c]];
      iv[c] = inv[b * G + groupOf[c]];
    }
    sumDy.fill(0);
    sumDyXh.fill(0);
    const base = b * P * C;
    for (let p = 0; p < P; p++) {
      const row = base + p * C;
      for (let c = 0; c < C; c++) {
        const g = dy[row + c];
        sumDy[c] += g;
        sumDyXh[c] += g * (x[row + c] - mu[c]) * iv[c];
      }
    }
    s1.fill(0);
    s2.fill(0);
    for (let c = 0; c < C; c++) {
      dBeta[c] += sumDy[c];
      dGamma[c] += sumDyXh[c];
      s1[groupOf[c]] += gamma[c] * sumDy[c];
      s2[groupOf[c]] += gamma[c] * sumDyXh[c];
    }
    for (let c = 0; c < C; c++) {
      const m1 = s1[groupOf[c]] / n;
      const m2 = s2[groupOf[c]] / n;
      a[c] = iv[c] * gamma[c];
      bx[c] = -iv[c] * iv[c] * m2;
      c0[c] = -iv[c] * m1 + mu[c] * iv[c] * iv[c] * m2;
    }
    for (let p = 0; p < P; p++) {
      const row = base + p * C;
      for (let c = 0; c < C; c++) dx[row + c] = a[c] * dy[row + c] + bx[c] * x[row + c] + c0[c];
    }
  }
  return [tf.tensor(dx, shape), tf.tensor(Float32Array.from(dGamma), [C]), tf.tensor(Float32Array.from(dBeta), [C])];
}

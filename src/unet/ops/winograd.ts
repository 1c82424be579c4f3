// Winograd F(2x2, 3x3) for same-padded 3x3 convs on NHWC tensors: 16 GEMMs on 2x2 output tiles
// instead of 9 shifted ones (2.25x fewer MACs). Transforms use only slices and adds (exact
// coefficients 0, +-1, +-1/2), so results match the direct conv to float rounding. Worth it where
// channels are many and positions few (the deep levels): the transforms cost O(H W C), the saving
// O(H W C^2). Inference only: the transformed weights are computed once from the 3x3 kernel.
import * as tf from '@tensorflow/tfjs';

/** G of F(2, 3): the kernel transform. */
const G = [
  [1, 0, 0],
  [0.5, 0.5, 0.5],
  [0.5, -0.5, 0.5],
  [0, 0, 1],
];

/**
 * The 16 transformed kernels U[xi * 4 + nu] = (G g G^T)[xi, nu], each [Cin, Cout], from the data of a
 * [3, 3, Cin, Cout] kernel (computed in JS: a one-off at load, cheaper than ~80 tf ops per kernel).
 */
export function winogradKernelData(w: Float32Array, ci: number, co: number): Float32Array[] {
  const n = ci * co;
  if (w.length !== 9 * n) throw new Error(`winogradKernelData: ${w.length} values, expected 9 * ${ci} * ${co}`);
  const U = Array.from({ length: 16 }, () => new Float32Array(n));
  const t = new Float64Array(12); // (G g)[xi][j]
  for (let e = 0; e < n; e++) {
    for (let j = 0; j < 3; j++) {
      const g0 = w[j * n + e];
      const g1 = w[(3 + j) * n + e];
      const g2 = w[(6 + j) * n + e];
      t[j] = g0;
      t[3 + j] = 0.5 * (g0 + g1 + g2);
      t[6 + j] = 0.5 * (g0 - g1 + g2);
      t[9 + j] = g2;
    }
    for (let xi = 0; xi < 4; xi++) {
      const a = t[xi * 3];
      const b = t[xi * 3 + 1];
      const c = t[xi * 3 + 2];
      U[xi * 4][e] = a;
      U[xi * 4 + 1][e] = 0.5 * (a + b + c);
      U[xi * 4 + 2][e] = 0.5 * (a - b + c);
      U[xi * 4 + 3][e] = c;
    }
  }
  return U;
}

/** winogradKernelData for a kernel tensor (reads its values: call at load, never in a forward). */
export function winogradKernels(w: tf.Tensor): tf.Tensor2D[] {
  const [, , ci, co] = w.shape as number[];
  return winogradKernelData(w.dataSync() as Float32Array, ci, co).map((u) => tf.tensor2d(u, [ci, co]));
}

/** B^T d over four rows/columns d0..d3 of the 4-wide input tiles. */
function inputTransform(d: tf.Tensor[]): tf.Tensor[] {
  return [tf.sub(d[0], d[2]), tf.add(d[1], d[2]), tf.sub(d[2], d[1]), tf.sub(d[1], d[3])];
}

/** Same-padded 3x3 conv with bias via F(2x2, 3x3); U from winogradKernels. */
export function winogradConv3x3(x: tf.Tensor, U: tf.Tensor2D[], bias: tf.Tensor): tf.Tensor4D {
  return tf.tidy(() => {
    const [B, H, W, C] = x.shape as number[];
    const co = U[0].shape[1];
    const ty = Math.ceil(H / 2);
    const tx = Math.ceil(W / 2);
    const P = B * ty * tx;
    const xp = tf.pad(x, [[0, 0], [1, 1 + 2 * ty - H], [1, 1 + 2 * tx - W], [0, 0]]);
    // Input tile rows 2ty + i, i = 0..3, as phase-and-shift slices of [B, ty + 1, 2, (2tx + 2) C].
    const r = tf.reshape(xp, [B, ty + 1, 2, (2 * tx + 2) * C]);
    const rowAt = (shift: number, parity: number) =>
      tf.reshape(tf.slice(r, [0, shift, parity, 0], [B, ty, 1, -1]), [B * ty, tx + 1, 2, C]);
    const u = inputTransform([rowAt(0, 0), rowAt(0, 1), rowAt(1, 0), rowAt(1, 1)]);
    const V = u.flatMap((ur) => {
      const colAt = (shift: number, parity: number) => tf.reshape(tf.slice(ur, [0, shift, parity, 0], [-1, tx, 1, C]), [P, C]);
      return inputTransform([colAt(0, 0), colAt(0, 1), colAt(1, 0), colAt(1, 1)]);
    });
    // M[xi][nu] = V U; the bias rides on M[1][1], which every output phase adds with weight +1.
    const M = V.map((v, k) =>
      k === 5 ? tf.fused.matMul({ a: v as tf.Tensor2D, b: U[k], bias }) : tf.matMul(v as tf.Tensor2D, U[k]),
    );
    const m = (xi: number, nu: number) => M[xi * 4 + nu];
    // A^T M A with A^T = [[1, 1, 1, 0], [0, 1, -1, -1]].
    const S = [
      [0, 1, 2, 3].map((nu) => tf.addN([m(0, nu), m(1, nu), m(2, nu)])),
      [0, 1, 2, 3].map((nu) => tf.sub(tf.sub(m(1, nu), m(2, nu)), m(3, nu))),
    ];
    const rows = S.map((s) => {
      const y0 = tf.addN([s[0], s[1], s[2]]);
      const y1 = tf.sub(tf.sub(s[1], s[2]), s[3]);
      return tf.reshape(tf.concat([y0, y1], 1), [B, ty, 1, 2 * tx * co]);
    });
    const out = tf.reshape(tf.concat(rows, 2), [B, 2 * ty, 2 * tx, co]);
    return (2 * ty === H && 2 * tx === W ? out : tf.slice(out, [0, 0, 0, 0], [B, H, W, co])) as tf.Tensor4D;
  });
}

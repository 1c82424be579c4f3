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

/** A^T of F(2, 3): output row a takes tile row xi with this weight. */
const AT = [
  [1, 1, 1, 0],
  [0, 1, -1, -1],
];

/** acc + c * t (acc undefined: c * t), disposing what it replaces. */
function accumulate(acc: tf.Tensor | undefined, c: number, t: tf.Tensor): tf.Tensor | undefined {
  if (c === 0) return acc;
  if (acc === undefined) return c === 1 ? tf.clone(t) : tf.neg(t);
  const next = c === 1 ? tf.add(acc, t) : tf.sub(acc, t);
  acc.dispose();
  return next;
}

/**
 * Same-padded 3x3 conv with bias via F(2x2, 3x3); U from winogradKernels. Works one tile row xi at a
 * time and folds each product into the output transform at once, so at most ~2x the output and 1x
 * the input are alive besides x and the result (not 16x of each).
 */
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
    xp.dispose();
    // S[a][nu] = sum_xi AT[a][xi] (V U)[xi][nu]; the bias rides on (V U)[1][1], which every output
    // phase takes with weight +1.
    const S: (tf.Tensor | undefined)[][] = [[], []];
    for (let xi = 0; xi < 4; xi++) {
      const colAt = (shift: number, parity: number) => tf.reshape(tf.slice(u[xi], [0, shift, parity, 0], [-1, tx, 1, C]), [P, C]);
      const cols = [colAt(0, 0), colAt(0, 1), colAt(1, 0), colAt(1, 1)];
      const V = inputTransform(cols);
      tf.dispose([u[xi], ...cols]);
      for (let nu = 0; nu < 4; nu++) {
        const k = xi * 4 + nu;
        const v = V[nu] as tf.Tensor2D;
        const m = k === 5 ? tf.fused.matMul({ a: v, b: U[k], bias }) : tf.matMul(v, U[k]);
        v.dispose();
        for (const a of [0, 1]) S[a][nu] = accumulate(S[a][nu], AT[a][xi], m);
        m.dispose();
      }
    }
    // Y[a][b] = sum_nu AT[b][nu] S[a][nu], interleaved into 2x2 output tiles.
    const rows = S.map((s) => {
      const [y0, y1] = [0, 1].map((b) => s.reduce<tf.Tensor | undefined>((acc, t, nu) => accumulate(acc, AT[b][nu], t!), undefined)!);
      tf.dispose(s as tf.Tensor[]);
      return tf.reshape(tf.concat([y0, y1], 1), [B, ty, 1, 2 * tx * co]);
    });
    const out = tf.reshape(tf.concat(rows, 2), [B, 2 * ty, 2 * tx, co]);
    return (2 * ty === H && 2 * tx === W ? out : tf.slice(out, [0, 0, 0, 0], [B, H, W, co])) as tf.Tensor4D;
  });
}

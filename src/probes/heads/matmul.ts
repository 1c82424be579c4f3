// Batched products on the WASM backend's fast path. tfjs-backend-wasm runs XNNPACK only for
// single 2D products; a batched 3D product falls back to a naive loop (6x slower for attention's
// [B·heads, 208, 128] · [B·heads, 128, 208]), and splitting with Slice/Unstack costs more than
// it saves. On WASM, large batched products run as 2D products on subarrays of the
// synchronously readable data, forward and backward. (Transposed 2D operands are handled for
// every op by the BatchMatMul wrapper in src/compute/kernels.ts.) Other backends use tf.matMul.
import * as tf from '@tensorflow/tfjs';

const onWasm = () => tf.getBackend() === 'wasm';

function t2(x: tf.Tensor2D): tf.Tensor2D {
  return x.transpose([1, 0]);
}

/** Below this many multiply-adds per batch item, the native batched kernel is quicker. */
const LOOP_MIN_MACS = 1 << 18;

/** a[n, p, q] · b[n, q, r]. */
export function matMulBatched(a: tf.Tensor3D, b: tf.Tensor3D): tf.Tensor3D {
  const macs = a.shape[1] * a.shape[2] * b.shape[2];
  return onWasm() && macs >= LOOP_MIN_MACS ? wasmMatMulBatched(a, b) : tf.matMul(a, b);
}

type Args = Array<tf.Tensor | tf.GradSaveFunc>;

// Inputs needed by the gradient go through `save` (tfjs keeps them past the forward's tidy).
const wasmMatMulBatched = tf.customGrad((...args: Args) => {
  const [a, b, save] = args as [tf.Tensor3D, tf.Tensor3D, tf.GradSaveFunc];
  save([a, b]);
  return {
    value: loopMatMul(a, b, false, false),
    gradFunc: (dy: tf.Tensor3D, saved: tf.Tensor[]) => {
      const [sa, sb] = saved as tf.Tensor3D[];
      return [loopMatMul(dy, sb, false, true), loopMatMul(sa, dy, true, false)];
    },
  };
}) as (a: tf.Tensor3D, b: tf.Tensor3D) => tf.Tensor3D;

/** Batch of 2D products (optionally transposing either operand) as separate XNNPACK calls. */
function loopMatMul(a: tf.Tensor3D, b: tf.Tensor3D, ta: boolean, tb: boolean): tf.Tensor3D {
  const [n, a1, a2] = a.shape;
  const [, b1, b2] = b.shape;
  const rows = ta ? a2 : a1;
  const cols = tb ? b1 : b2;
  const ad = a.dataSync() as Float32Array;
  const bd = b.dataSync() as Float32Array;
  const out = new Float32Array(n * rows * cols);
  for (let i = 0; i < n; i++) {
    const r = tf.tidy(() => {
      const x = tf.tensor2d(ad.subarray(i * a1 * a2, (i + 1) * a1 * a2), [a1, a2]);
      const y = tf.tensor2d(bd.subarray(i * b1 * b2, (i + 1) * b1 * b2), [b1, b2]);
      return tf.matMul(ta ? t2(x) : x, tb ? t2(y) : y);
    });
    out.set(r.dataSync() as Float32Array, i * rows * cols);
    r.dispose();
  }
  return tf.tensor3d(out, [n, rows, cols]);
}

// Batched inference for any model made of a ParamSet and a forward pass: class probabilities
// (sigmoid of the logits) and, with labels, the mean binary cross-entropy.
import * as tf from '@tensorflow/tfjs';
import type { ParamSet } from './params.ts';
import type { ForwardContext } from './heads/ops.ts';

export interface ForwardModel {
  params: ParamSet;
  forward(p: ParamSet, x: tf.Tensor, ctx: ForwardContext): tf.Tensor2D;
}

/** Something that can hand out channels-last input batches by example index. */
export interface BatchSource {
  count: number;
  batch(indices: ArrayLike<number>): tf.Tensor;
}

export const INFERENCE: ForwardContext = { training: false, dropout: 0, nextSeed: () => 0 };

/** Mean binary cross-entropy from logits, stable for large |logits|. */
export function bceWithLogits(logits: tf.Tensor, labels: tf.Tensor): tf.Scalar {
  return tf.tidy(() =>
    logits.relu().sub(logits.mul(labels)).add(logits.abs().neg().exp().log1p()).mean() as tf.Scalar,
  );
}

/** Probabilities (count × classes) and, when labels are given, the mean BCE over them. */
export async function predictAll(
  model: ForwardModel,
  source: BatchSource,
  classes: number,
  batchSize: number,
  labels?: Uint8Array,
): Promise<{ probs: Float32Array; loss: number }> {
  const probs = new Float32Array(source.count * classes);
  let lossSum = 0;
  for (let start = 0; start < source.count; start += batchSize) {
    const n = Math.min(batchSize, source.count - start);
    const idx = Array.from({ length: n }, (_, i) => start + i);
    const [p, l] = tf.tidy(() => {
      const x = source.batch(idx);
      const logits = model.forward(model.params, x, INFERENCE);
      const loss = labels
        ? bceWithLogits(logits, tf.tensor2d(labels.subarray(start * classes, (start + n) * classes), [n, classes], 'float32'))
        : tf.scalar(0);
      return [logits.sigmoid(), loss.mul(n)];
    });
    probs.set((await p.data()) as Float32Array, start * classes);
    lossSum += (await l.data())[0];
    p.dispose();
    l.dispose();
  }
  return { probs, loss: lossSum / source.count };
}

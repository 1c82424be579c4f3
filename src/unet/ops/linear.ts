// Linear layers on channels-last tensors of any rank: x [..., I] @ w [I, O] (+ b [O]).
import * as tf from '@tensorflow/tfjs';

/** y = x w + b over the last axis; w is in TF.js layout [in, out]. */
export function linear(x: tf.Tensor, w: tf.Tensor, b?: tf.Tensor): tf.Tensor {
  return tf.tidy(() => {
    const [inF, outF] = w.shape as [number, number];
    const lead = x.shape.slice(0, -1);
    const x2 = tf.reshape(x, [-1, inF]) as tf.Tensor2D;
    const y = b === undefined ? tf.matMul(x2, w as tf.Tensor2D) : tf.fused.matMul({ a: x2, b: w as tf.Tensor2D, bias: b });
    return tf.reshape(y, [...lead, outF]);
  });
}

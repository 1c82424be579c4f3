// Gradients TF.js 4.22 gets wrong when the two inputs broadcast: SquaredDifference, Maximum and
// Minimum return the gradient in the output's shape instead of summing it back to each input's
// shape (so e.g. a norm written with tf.squaredDifference(x, mean) cannot be trained). These
// configs replace them for every backend; the maths is unchanged.
import * as tf from '@tensorflow/tfjs';

/** Sums `g` (shaped like the broadcast output) back to `shape`. */
function unbroadcast(g: tf.Tensor, shape: number[]): tf.Tensor {
  const axes = tf.backend_util.getReductionAxes(shape, g.shape);
  return axes.length > 0 ? tf.reshape(tf.sum(g, axes), shape) : g;
}

function binaryGrad(kernelName: string, derA: (a: tf.Tensor, b: tf.Tensor, dy: tf.Tensor) => tf.Tensor,
  derB: (a: tf.Tensor, b: tf.Tensor, dy: tf.Tensor) => tf.Tensor): tf.GradConfig {
  return {
    kernelName,
    inputsToSave: ['a', 'b'],
    gradFunc: (dy, saved) => {
      const [a, b] = saved;
      const g = dy as tf.Tensor;
      return { a: () => unbroadcast(derA(a, b, g), a.shape), b: () => unbroadcast(derB(a, b, g), b.shape) };
    },
  };
}

export const BROADCAST_GRADIENTS: readonly tf.GradConfig[] = [
  binaryGrad('SquaredDifference', (a, b, dy) => tf.mul(dy, tf.mul(2, tf.sub(a, b))), (a, b, dy) => tf.mul(dy, tf.mul(2, tf.sub(b, a)))),
  binaryGrad('Maximum', (a, b, dy) => tf.mul(dy, tf.cast(tf.greaterEqual(a, b), 'float32')), (a, b, dy) => tf.mul(dy, tf.cast(tf.less(a, b), 'float32'))),
  binaryGrad('Minimum', (a, b, dy) => tf.mul(dy, tf.cast(tf.lessEqual(a, b), 'float32')), (a, b, dy) => tf.mul(dy, tf.cast(tf.greater(a, b), 'float32'))),
];

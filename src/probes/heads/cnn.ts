// CNN head on unpooled maps: one conv layer of 128 filters with a 1x1 kernel (ReLU) -> global
// average and max pooling, concatenated (256) -> dense 128 (ReLU) -> dropout -> dense K.
// A 1x1 kernel keeps the paper's ~160K budget at 1024 channels (a 3x3 kernel would be 1.2M):
// 1024·128+128 + 256·128+128 + 128·11+11 = 165,515 parameters.
import type * as tf from '@tensorflow/tfjs';
import { dense, denseDecls, maybeDropout, normDecls, normalise } from './ops.ts';
import type { HeadDefinition } from './types.ts';

export const CNN_FILTERS = 128;
export const CNN_HIDDEN = 128;

export const cnnHead: HeadDefinition = {
  kind: 'cnn',
  summary: `conv 1x1 ${CNN_FILTERS} filters (ReLU) -> global avg+max pool -> dense ${CNN_HIDDEN} -> dense per class`,
  readsMaps: true,
  declare(shape, classes) {
    const c = shape[0];
    return [
      ...normDecls(c),
      ...denseDecls('cnn.conv', c, CNN_FILTERS),
      ...denseDecls('cnn.hidden', 2 * CNN_FILTERS, CNN_HIDDEN),
      ...denseDecls('cnn.out', CNN_HIDDEN, classes),
    ];
  },
  forward(p, x, ctx) {
    const maps = dense(p, 'cnn.conv', normalise(p, x)).relu(); // [B, H, W, F]
    const pooled = maps.mean([1, 2]).concat(maps.max([1, 2]), 1);
    const h = dense(p, 'cnn.hidden', maybeDropout(pooled, ctx)).relu();
    return dense(p, 'cnn.out', maybeDropout(h, ctx)) as tf.Tensor2D;
  },
};

// MLP head: global-average-pooled features -> dense 128 (ReLU) -> dropout -> dense K.
// At 1024 channels and 11 classes: 1024·128+128 + 128·11+11 = 132,619 parameters.
import type * as tf from '@tensorflow/tfjs';
import { dense, denseDecls, maybeDropout, normDecls, normalise } from './ops.ts';
import type { HeadDefinition } from './types.ts';

export const MLP_HIDDEN = 128;

export const mlpHead: HeadDefinition = {
  kind: 'mlp',
  summary: `global average pool -> dense ${MLP_HIDDEN} (ReLU) -> dense per class`,
  readsMaps: false,
  declare(shape, classes) {
    const c = shape[0];
    return [...normDecls(c), ...denseDecls('mlp.hidden', c, MLP_HIDDEN), ...denseDecls('mlp.out', MLP_HIDDEN, classes)];
  },
  forward(p, x, ctx) {
    const pooled = x.rank === 4 ? x.mean([1, 2]) : x;
    const h = dense(p, 'mlp.hidden', normalise(p, pooled)).relu();
    return dense(p, 'mlp.out', maybeDropout(h, ctx)) as tf.Tensor2D;
  },
};

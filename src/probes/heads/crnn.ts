// CRNN head on unpooled maps: 1x1 projection to 96 channels (ReLU) -> mean over frequency (H)
// -> GRU of 128 units over time (W) -> mean of its outputs over time -> dropout -> dense K.
// The GRU is the reset-after form (r scales h·U_n), one bias per gate. A projection of 96 (not
// 128) keeps the paper's ~200K budget at 1024 channels:
// 1024·96+96 + 3·(96·128 + 128·128 + 128) + 128·11+11 = 186,219 parameters.
import * as tf from '@tensorflow/tfjs';
import { dense, denseDecls, denseLast, maybeDropout, normDecls, normalise } from './ops.ts';
import type { HeadDefinition } from './types.ts';

export const CRNN_PROJECTION = 96;
export const CRNN_UNITS = 128;

export const crnnHead: HeadDefinition = {
  kind: 'crnn',
  summary: `conv 1x1 ${CRNN_PROJECTION} (ReLU) -> mean over frequency -> GRU ${CRNN_UNITS} over time -> dense per class`,
  readsMaps: true,
  declare(shape, classes) {
    const c = shape[0];
    const u = CRNN_UNITS;
    return [
      ...normDecls(c),
      ...denseDecls('crnn.proj', c, CRNN_PROJECTION),
      { name: 'crnn.gru.kernel', shape: [CRNN_PROJECTION, 3 * u], init: 'glorot', fanIn: CRNN_PROJECTION, fanOut: u },
      { name: 'crnn.gru.recurrent', shape: [u, 3 * u], init: 'glorot', fanIn: u, fanOut: u },
      { name: 'crnn.gru.bias', shape: [3 * u], init: 'zeros' },
      ...denseDecls('crnn.out', u, classes),
    ];
  },
  forward(p, x, ctx) {
    const u = CRNN_UNITS;
    const seq = dense(p, 'crnn.proj', normalise(p, x)).relu().mean(1); // [B, T, P]
    const [batch, steps] = seq.shape;
    const xs = denseLast(seq, p.get('crnn.gru.kernel'), p.get('crnn.gru.bias')); // [B, T, 3u]
    const rec = p.get('crnn.gru.recurrent') as tf.Tensor2D;
    let h: tf.Tensor2D = tf.zeros([batch, u]);
    let sum: tf.Tensor2D = tf.zeros([batch, u]);
    for (let t = 0; t < steps; t++) {
      const xt = xs.slice([0, t, 0], [batch, 1, 3 * u]).reshape([batch, 3 * u]);
      const hu = h.matMul(rec);
      const z = xt.slice([0, 0], [batch, u]).add(hu.slice([0, 0], [batch, u])).sigmoid();
      const r = xt.slice([0, u], [batch, u]).add(hu.slice([0, u], [batch, u])).sigmoid();
      const n = xt.slice([0, 2 * u], [batch, u]).add(r.mul(hu.slice([0, 2 * u], [batch, u]))).tanh();
      h = z.mul(h).add(tf.scalar(1).sub(z).mul(n)) as tf.Tensor2D;
      sum = sum.add(h);
    }
    const pooled = sum.div(steps);
    return dense(p, 'crnn.out', maybeDropout(pooled, ctx)) as tf.Tensor2D;
  },
};

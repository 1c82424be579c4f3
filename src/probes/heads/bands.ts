// Bands head on unpooled maps: the other heads average over frequency (or over every position), so
// what is left is a mean per channel; this one keeps the frequency axis. Mean over time (W) -> 1x1
// projection to 16 per band (ReLU) -> the bands' projections flattened (H·16) -> dense 128 (ReLU) ->
// dropout -> dense K. Not one of the paper's heads: a lab probe of whether the spectral layout the
// pooling throws away carries instrument identity. At 128 channels and 16 bands:
// 128·16+16 + 256·128+128 + 128·11+11 = 36,379 parameters (1024 channels: 50,715).
import type * as tf from '@tensorflow/tfjs';
import { dense, denseDecls, maybeDropout, normDecls, normalise } from './ops.ts';
import type { HeadDefinition } from './types.ts';

export const BANDS_PROJECTION = 16;
export const BANDS_HIDDEN = 128;

/** Frequency positions of per-example features: H of [C, H, W]; 1 for [C, T] (1D models). */
const bandsOf = (shape: readonly number[]) => (shape.length === 3 ? shape[1] : 1);

export const bandsHead: HeadDefinition = {
  kind: 'bands',
  summary: `mean over time -> 1x1 ${BANDS_PROJECTION} per band (ReLU) -> bands flattened -> dense ${BANDS_HIDDEN} -> dense per class`,
  readsMaps: true,
  declare(shape, classes) {
    const c = shape[0];
    return [
      ...normDecls(c),
      ...denseDecls('bands.proj', c, BANDS_PROJECTION),
      ...denseDecls('bands.hidden', bandsOf(shape) * BANDS_PROJECTION, BANDS_HIDDEN),
      ...denseDecls('bands.out', BANDS_HIDDEN, classes),
    ];
  },
  forward(p, x, ctx) {
    // channels-last: [B, H, W, C] (2D) or [B, T, C] (1D); time is the second-to-last axis
    const perBand = normalise(p, x).mean(x.rank - 2); // [B, H, C] or [B, C]
    const proj = dense(p, 'bands.proj', perBand).relu();
    const flat = proj.reshape([x.shape[0], -1]);
    const h = dense(p, 'bands.hidden', flat).relu();
    return dense(p, 'bands.out', maybeDropout(h, ctx)) as tf.Tensor2D;
  },
};

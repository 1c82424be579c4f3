// The v-objective diffusion of the seed paper (audio-diffusion-pytorch VDiffusion): noising, the
// v target, x0 from v and a deterministic DDIM step, with sigma in [0, 1],
// alpha = cos(sigma pi / 2), beta = sin(sigma pi / 2). Sigmas are one per batch item.
import * as tf from '@tensorflow/tfjs';
import { LabError } from '../common/errors.ts';

type Sigma = tf.Tensor1D | number;

/** alpha, beta broadcastable against x [B, ...] for sigma [B] (or a scalar). */
function alphaBeta(sigma: Sigma, x: tf.Tensor): [tf.Tensor, tf.Tensor] {
  return tf.tidy(() => {
    const s = typeof sigma === 'number' ? tf.scalar(sigma) : tf.reshape(sigma, [-1, ...x.shape.slice(1).map(() => 1)]);
    const angle = tf.mul(s, Math.PI / 2);
    return [tf.cos(angle), tf.sin(angle)] as [tf.Tensor, tf.Tensor];
  });
}

/** x_noisy = alpha x + beta noise. */
export function addNoise(x: tf.Tensor, sigma: Sigma, noise: tf.Tensor): tf.Tensor {
  return tf.tidy(() => {
    const [a, b] = alphaBeta(sigma, x);
    return tf.add(tf.mul(a, x), tf.mul(b, noise));
  });
}

/** The training target v = alpha noise - beta x. */
export function vTarget(x: tf.Tensor, sigma: Sigma, noise: tf.Tensor): tf.Tensor {
  return tf.tidy(() => {
    const [a, b] = alphaBeta(sigma, x);
    return tf.sub(tf.mul(a, noise), tf.mul(b, x));
  });
}

/** x0 = alpha x_t - beta v. */
export function x0FromV(xT: tf.Tensor, v: tf.Tensor, sigma: Sigma): tf.Tensor {
  return tf.tidy(() => {
    const [a, b] = alphaBeta(sigma, xT);
    return tf.sub(tf.mul(a, xT), tf.mul(b, v));
  });
}

/** One deterministic DDIM step from sigmaFrom to sigmaTo: alpha_j x0 + beta_j eps. */
export function ddimStep(xT: tf.Tensor, v: tf.Tensor, sigmaFrom: Sigma, sigmaTo: Sigma): tf.Tensor {
  return tf.tidy(() => {
    const [ai, bi] = alphaBeta(sigmaFrom, xT);
    const [aj, bj] = alphaBeta(sigmaTo, xT);
    const x0 = tf.sub(tf.mul(ai, xT), tf.mul(bi, v));
    const eps = tf.add(tf.mul(bi, xT), tf.mul(ai, v));
    return tf.add(tf.mul(aj, x0), tf.mul(bj, eps));
  });
}

/**
 * DDPM integer noise level -> sigma, for the standard linear schedule of Ho et al. (2020):
 * beta_s = linspace(1e-4, 0.02, T), alphabar_t = prod_{s <= t} (1 - beta_s) with t 0-based
 * (t = 0 .. T-1, as in PyTorch/diffusers), and sigma = (2/pi) arccos(sqrt(alphabar_t)), so that
 * cos(sigma pi / 2) = sqrt(alphabar_t).
 */
export function ddpmTToSigma(t: number, T = 1000): number {
  if (!Number.isInteger(T) || T < 2) throw new LabError(`ddpmTToSigma: T must be an integer >= 2, got ${T}`);
  if (!Number.isInteger(t) || t < 0 || t >= T) throw new LabError(`ddpmTToSigma: t must be an integer in [0, ${T - 1}], got ${t}`);
  let alphabar = 1;
  for (let s = 0; s <= t; s++) alphabar *= 1 - (1e-4 + ((0.02 - 1e-4) * s) / (T - 1));
  return (2 / Math.PI) * Math.acos(Math.sqrt(alphabar));
}

/** The DDPM t (0-based, linear schedule) whose sigma is nearest to `sigma`. */
export function sigmaToDdpmT(sigma: number, T = 1000): number {
  let best = 0;
  let bestErr = Infinity;
  let alphabar = 1;
  for (let t = 0; t < T; t++) {
    alphabar *= 1 - (1e-4 + ((0.02 - 1e-4) * t) / (T - 1));
    const err = Math.abs((2 / Math.PI) * Math.acos(Math.sqrt(alphabar)) - sigma);
    if (err < bestErr) [best, bestErr] = [t, err];
  }
  return best;
}

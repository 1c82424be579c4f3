// Denoising quality of a model on a set of clips: the mean v-loss over a fixed grid of sigmas and
// the one-step x0 error at sigma 0.5, on the centre crop of every clip with seeded noise (the same
// noise for every model, so two models' figures are paired). Used by eval-diffusion and for the
// validation loss during training.
import * as tf from '@tensorflow/tfjs';
import { throwIfCancelled, type JobOptions } from '../common/progress.ts';
import type { MelNormalisation } from '../features/mel-norm.ts';
import type { UNet } from '../unet/model.ts';
import { centreCrops, cropBatch, N_MELS, type MelClip } from './melData.ts';
import { denoiseErrors } from './objective.ts';
import { Prng } from './prng.ts';

export const EVAL_SIGMAS: readonly number[] = [0.1, 0.3, 0.5, 0.7, 0.9];
export const X0_SIGMA = 0.5;

export interface DiffusionEval {
  clips: number;
  /** Mean v MSE over clips and the sigma grid. */
  vLoss: number;
  /** Mean v MSE per sigma, keyed "0.1" ... "0.9". */
  vLossBySigma: Record<string, number>;
  /** Mean MSE of the one-step x0 estimate at sigma 0.5 against the clean normalised mel. */
  x0Error: number;
}

export interface EvalOptions extends JobOptions {
  /** Crop length in frames (a multiple of 8). */
  frames?: number;
  seed?: number;
  batch?: number;
  sigmas?: readonly number[];
}

/** Evaluates `model` on normalised clips. */
export function evaluateDiffusion(model: UNet, clips: readonly MelClip[], norm: MelNormalisation, opts: EvalOptions = {}): DiffusionEval {
  const frames = opts.frames ?? 104;
  const batch = opts.batch ?? 8;
  const sigmas = opts.sigmas ?? EVAL_SIGMAS;
  const prng = new Prng(opts.seed ?? 0);
  const per = N_MELS * frames;
  const noise = clips.map(() => prng.fillNormal(new Float32Array(per)));
  const picks = centreCrops(clips, frames);
  const vSums = sigmas.map(() => 0);
  let x0Sum = 0;
  let done = 0;
  const total = sigmas.length * clips.length;
  for (const [si, sigma] of sigmas.entries()) {
    for (let start = 0; start < clips.length; start += batch) {
      throwIfCancelled(opts.signal, 'evaluation');
      const chunk = picks.slice(start, start + batch);
      const n = chunk.length;
      const noiseData = new Float32Array(n * per);
      chunk.forEach((p, b) => noiseData.set(noise[p.clip], b * per));
      const x = tf.tensor4d(cropBatch(clips, chunk, frames, norm), [n, N_MELS, frames, 1]);
      const eps = tf.tensor4d(noiseData, [n, N_MELS, frames, 1]);
      const s = tf.fill([n], sigma) as tf.Tensor1D;
      const errs = denoiseErrors(model, x, eps, s);
      tf.dispose([x, eps, s]);
      for (let b = 0; b < n; b++) {
        vSums[si] += errs.vError[b];
        if (sigma === X0_SIGMA) x0Sum += errs.x0Error[b];
      }
      done += n;
      opts.onProgress?.({ stage: 'evaluating', done, total });
    }
  }
  const vLossBySigma: Record<string, number> = {};
  sigmas.forEach((s, i) => (vLossBySigma[String(s)] = vSums[i] / clips.length));
  const vLoss = vSums.reduce((a, b) => a + b, 0) / (clips.length * sigmas.length);
  const x0Error = sigmas.includes(X0_SIGMA) ? x0Sum / clips.length : NaN;
  return { clips: clips.length, vLoss, vLossBySigma, x0Error };
}

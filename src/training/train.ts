// v-diffusion training of a UNetV0 on log-mel crops (Node): seeded batches, Adam, a JSONL loss
// log, periodic validation and checkpoints, and an exact resume (same result as an uninterrupted
// run for the same seed and steps). The finished model is written as a model folder whose
// config.json records the mel normalisation that extraction must apply.
import * as tf from '@tensorflow/tfjs';
import path from 'node:path';
import { LabError } from '../common/errors.ts';
import { throwIfCancelled, type JobOptions } from '../common/progress.ts';
import type { MelNormalisation } from '../features/mel-norm.ts';
import type { UNetConfig } from '../unet/config.ts';
import { createUNet } from '../unet/model.ts';
import { randomInitWeights } from '../unet/randomInit.ts';
import type { NamedWeights } from '../weights/types.ts';
import { adamUpdate, disposeAdamState, learningRate, newAdamState, type AdamOptions } from './adam.ts';
import { hasCheckpoint, loadCheckpoint, saveCheckpoint, type TrainState } from './checkpoint.ts';
import { evaluateDiffusion, type DiffusionEval } from './evaluate.ts';
import { cropBatch, melStatistics, N_MELS, normaliseClips, type CropPick, type MelClip } from './melData.ts';
import { vLoss } from './objective.ts';
import { Prng } from './prng.ts';
import { appendLog, SigmaBins, TRAIN_LOG, truncateLog } from './trainLog.ts';

/** What defines a run (a resume must use the same). */
export interface TrainSettings {
  config: UNetConfig;
  batch: number;
  seed: number;
  /** Frames per random crop (a multiple of 8). */
  cropFrames: number;
  adam: AdamOptions;
}

export interface TrainOptions extends JobOptions {
  settings: TrainSettings;
  /** Total updates (a resumed run continues up to this). */
  steps: number;
  /** Raw log-mel clips (normalised inside with the training split's statistics). */
  train: MelClip[];
  validation: MelClip[];
  /** Run folder: checkpoint/, train-log.jsonl. */
  outDir: string;
  resume?: boolean;
  checkpointEvery?: number;
  /** Validate every N steps (0: only at the end). */
  validateEvery?: number;
  /** Validation clips used (centre crops, seeded noise). */
  validationClips?: number;
  logEvery?: number;
  /** One human-readable progress line per log interval. */
  onLine?: (line: string) => void;
}

export interface TrainResult {
  steps: number;
  weights: NamedWeights;
  melNorm: MelNormalisation;
  /** Mean training loss over the last log interval. */
  finalLoss: number;
  /** Absent when there are no validation clips. */
  validation?: DiffusionEval;
  elapsedSec: number;
  clipsPerSec: number;
}

export const CHECKPOINT_DIR = 'checkpoint';

function sameSettings(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/** Trains (or resumes) a run; see the header. */
export async function trainDiffusion(o: TrainOptions): Promise<TrainResult> {
  const s = o.settings;
  const ckDir = path.join(o.outDir, CHECKPOINT_DIR);
  const logFile = path.join(o.outDir, TRAIN_LOG);
  if (s.cropFrames % 8 !== 0) throw new LabError(`crop of ${s.cropFrames} frames: must be a multiple of 8 (the U-Net's downsampling)`);
  if (o.train.length === 0) throw new LabError('training: no training clips');
  const ck = o.resume && hasCheckpoint(ckDir) ? await loadCheckpoint(ckDir) : undefined;
  if (o.resume && !ck) throw new LabError(`--resume: ${ckDir} holds no checkpoint`);
  const stats = ck ? (ck.state.settings.melNormalisation as { mean: number; std: number }) : melStatistics(o.train);
  const melNorm: MelNormalisation = { mean: stats.mean, std: stats.std, source: 'config.json' };
  const settingsRecord = { ...s, melNormalisation: { mean: stats.mean, std: stats.std } };
  if (ck && !sameSettings(ck.state.settings, settingsRecord)) {
    throw new LabError(`--resume: the checkpoint in ${ckDir} was made with other settings (${JSON.stringify(ck.state.settings)}); use the same config, batch, seed, crop and optimiser options`);
  }
  const train = normaliseClips(o.train, melNorm);
  const validation = normaliseClips(o.validation.slice(0, o.validationClips ?? 64), melNorm);

  const init = randomInitWeights(s.config, s.seed);
  if (ck) for (const [k, w] of init) w.data = ck.params.get(k) ?? (() => { throw new LabError(`checkpoint: parameter ${k} missing`); })();
  const model = createUNet(s.config, init, { trainable: true });
  const params = model.params as Map<string, tf.Variable>;
  const adam = newAdamState(params);
  if (ck) {
    for (const [k, t] of params) {
      adam.m.get(k)!.dispose();
      adam.v.get(k)!.dispose();
      adam.m.set(k, tf.tensor(ck.m.get(k)!, t.shape));
      adam.v.set(k, tf.tensor(ck.v.get(k)!, t.shape));
    }
    adam.step = ck.state.step;
  }
  const prng = new Prng(ck ? ck.state.prng : s.seed);
  let order = ck ? ck.state.order : prng.permutation(train.length);
  let cursor = ck ? ck.state.cursor : 0;
  let step = ck ? ck.state.step : 0;
  const elapsedBefore = ck ? ck.state.elapsedSec : 0;
  if (ck) truncateLog(logFile, step);
  else truncateLog(logFile, -1);

  const sessionStart = performance.now();
  const elapsed = () => elapsedBefore + (performance.now() - sessionStart) / 1000;
  const startStep = step;
  const per = N_MELS * s.cropFrames;
  const bins = new SigmaBins();
  let intervalLoss = 0;
  let intervalSteps = 0;
  let finalLoss = NaN;
  let lastVal: DiffusionEval | undefined;
  let lastValStep = -1;

  const state = (): TrainState => ({
    format: 'diffpir-train-checkpoint', step, prng: prng.state(), order, cursor, elapsedSec: elapsed(), settings: settingsRecord,
  });
  const validate = () => {
    if (validation.length === 0) return;
    lastVal = evaluateDiffusion(model, validation, melNorm, { frames: s.cropFrames, seed: s.seed + 1, batch: s.batch });
    lastValStep = step;
    appendLog(logFile, { kind: 'val', step, ...lastVal, time: elapsed() });
    o.onLine?.(`step ${step}: validation v-loss ${lastVal.vLoss.toFixed(4)}, x0 error ${lastVal.x0Error.toFixed(4)} (${lastVal.clips} clips)`);
  };

  try {
    while (step < o.steps) {
      throwIfCancelled(o.signal, 'training');
      const picks: CropPick[] = [];
      for (let b = 0; b < s.batch; b++) {
        if (cursor >= order.length) [order, cursor] = [prng.permutation(train.length), 0];
        const clip = order[cursor++];
        picks.push({ clip, offset: prng.int(Math.max(1, train[clip].frames - s.cropFrames + 1)) });
      }
      const sigmas = Float32Array.from({ length: s.batch }, () => prng.uniform());
      const noise = prng.fillNormal(new Float32Array(s.batch * per));
      const x = tf.tensor4d(cropBatch(train, picks, s.cropFrames, melNorm), [s.batch, N_MELS, s.cropFrames, 1]);
      const eps = tf.tensor4d(noise, x.shape);
      const sig = tf.tensor1d(sigmas);
      let perSample: tf.Tensor | undefined;
      const { value, grads } = tf.variableGrads(() => {
        const r = vLoss(model, x, eps, sig);
        perSample = tf.keep(r.perSample);
        return r.loss;
      }, [...params.values()]);
      const gradNorm = adamUpdate(params, grads, adam, s.adam);
      const loss = value.dataSync()[0];
      bins.add(sigmas, perSample!.dataSync());
      tf.dispose([x, eps, sig, value, perSample!, ...Object.values(grads)]);
      if (!Number.isFinite(loss)) throw new LabError(`training diverged at step ${step + 1} (loss ${loss}); try a lower --lr`);
      step++;
      intervalLoss += loss;
      intervalSteps++;
      if (step % (o.logEvery ?? 10) === 0 || step === o.steps) {
        const t = elapsed();
        const sessionSteps = step - startStep;
        const sessionSec = (performance.now() - sessionStart) / 1000;
        finalLoss = intervalLoss / intervalSteps;
        const line = {
          kind: 'train' as const, step, loss: finalLoss, lossBySigma: bins.take(), lr: learningRate(s.adam, step), gradNorm,
          time: t, stepsPerSec: sessionSteps / sessionSec, clipsPerSec: (sessionSteps * s.batch) / sessionSec,
        };
        appendLog(logFile, line);
        const eta = ((o.steps - step) / line.stepsPerSec / 60).toFixed(1);
        o.onLine?.(`step ${step}/${o.steps}  loss ${finalLoss.toFixed(4)}  ${line.stepsPerSec.toFixed(3)} steps/s  ${line.clipsPerSec.toFixed(2)} clips/s  eta ${eta} min`);
        o.onProgress?.({ stage: 'training', done: step, total: o.steps, detail: `loss ${finalLoss.toFixed(4)}` });
        intervalLoss = 0;
        intervalSteps = 0;
      }
      if ((o.validateEvery ?? 0) > 0 && step % o.validateEvery! === 0) validate();
      if (step % (o.checkpointEvery ?? 100) === 0 || step === o.steps) saveCheckpoint(ckDir, params, adam, state());
    }
    if (lastValStep !== step) validate();
    const weights: NamedWeights = new Map();
    for (const [k, t] of params) weights.set(k, { shape: [...t.shape], data: Float32Array.from(t.dataSync() as Float32Array) });
    const t = elapsed();
    const sessionSec = (performance.now() - sessionStart) / 1000;
    return {
      steps: step, weights, melNorm, finalLoss, validation: lastVal, elapsedSec: t,
      clipsPerSec: step > startStep ? ((step - startStep) * s.batch) / sessionSec : 0,
    };
  } finally {
    disposeAdamState(adam);
    model.dispose();
  }
}

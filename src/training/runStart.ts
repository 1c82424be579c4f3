// The start of a training run: fresh (random init with the run's seed, dataset statistics for the
// mel normalisation) or restored from a checkpoint (parameters, Adam moments, generator state,
// batch order, elapsed time), with the settings checked to be those of the checkpoint.
import * as tf from '@tensorflow/tfjs';
import { LabError } from '../common/errors.ts';
import type { MelNormalisation } from '../features/mel-norm.ts';
import type { UNetConfig } from '../unet/config.ts';
import type { NamedWeights } from '../weights/types.ts';
import { createUNet, type UNet } from '../unet/model.ts';
import { randomInitWeights } from '../unet/randomInit.ts';
import { newAdamState, type AdamOptions, type AdamState } from './adam.ts';
import { decodeCheckpoint } from './checkpoint.ts';
import { newEma, type EmaState } from './ema.ts';
import type { RunStore } from './run-store.ts';
import { melStatistics, type MelClip } from './melData.ts';
import { Prng } from './prng.ts';

/** What defines a run (a resume must use the same). */
export interface TrainSettings {
  config: UNetConfig;
  batch: number;
  seed: number;
  /** Frames per random crop (a multiple of 8). */
  cropFrames: number;
  adam: AdamOptions;
  /** Crops per forward/backward pass (gradients summed over the batch); 0: the whole batch. */
  microBatch: number;
  /** Fine-tuning: the run starts from this model's weights and mel normalisation (fresh Adam moments). */
  init?: { model: string; hash: string };
  /** Keep an exponential moving average of the weights with this decay (ema.ts); validated and published instead of the raw weights. */
  ema?: number;
}

/** The weights and normalisation a fine-tuning run starts from (matching `TrainSettings.init`). */
export interface InitModel {
  weights: NamedWeights;
  melNorm: { mean: number; std: number };
}

export interface RunStart {
  model: UNet;
  adam: AdamState;
  prng: Prng;
  order: number[];
  cursor: number;
  step: number;
  elapsedSec: number;
  melNorm: MelNormalisation;
  /** The settings plus the mel statistics, as stored in every checkpoint. */
  settingsRecord: Record<string, unknown>;
  resumed: boolean;
  /** The checkpoint's early-stopping state, when it had one. */
  earlyStop?: import('./early-stop.ts').EarlyStopState;
  /** The weight average (settings.ema), from the checkpoint or starting at the initial weights. */
  ema?: EmaState;
  /** The model the run started from, as the run recorded it (on a resume: the checkpoint's record). */
  init?: { model: string; hash: string };
  /** A resume whose --init folder now holds other weights than the run started from (see movedInit). */
  initMoved?: { model: string; was: string; now: string };
}

type InitRecord = { model: string; hash: string };

/**
 * A resume whose settings equal the checkpoint's except that the --init folder now holds other
 * weights (e.g. a `-wip` folder overwritten by a snapshot of this very run). A resume never reads the
 * init weights (the checkpoint holds parameters, moments and average), so the run goes on and keeps
 * the checkpoint's record of the weights it started from.
 */
function movedInit(was: Record<string, unknown>, now: Record<string, unknown>): RunStart['initMoved'] {
  const a = was.init as InitRecord | undefined;
  const b = now.init as InitRecord | undefined;
  if (!a || !b || a.model !== b.model || a.hash === b.hash) return undefined;
  if (JSON.stringify({ ...was, init: b }) !== JSON.stringify(now)) return undefined;
  return { model: a.model, was: a.hash, now: b.hash };
}

/** A fresh run, or the state of the store's checkpoint when `resume`. */
export async function startRun(s: TrainSettings, rawTrain: readonly MelClip[], store: RunStore, resume: boolean, initModel?: InitModel): Promise<RunStart> {
  if ((s.init === undefined) !== (initModel === undefined)) throw new LabError('training: settings.init and the init model must be given together');
  const ckDir = store.where;
  const bytes = resume ? await store.loadCheckpoint() : undefined;
  if (resume && !bytes) throw new LabError(`resume: ${ckDir} holds no checkpoint`);
  const ck = bytes ? await decodeCheckpoint(bytes, ckDir) : undefined;
  const stats = ck ? (ck.state.settings.melNormalisation as { mean: number; std: number }) : initModel ? initModel.melNorm : melStatistics(rawTrain);
  let settingsRecord: Record<string, unknown> = { ...s, melNormalisation: { mean: stats.mean, std: stats.std } };
  const initMoved = ck ? movedInit(ck.state.settings, settingsRecord) : undefined;
  if (initMoved) settingsRecord = ck!.state.settings;
  else if (ck && JSON.stringify(ck.state.settings) !== JSON.stringify(settingsRecord)) {
    throw new LabError(`resume: the checkpoint in ${ckDir} was made with other settings (${JSON.stringify(ck.state.settings)}); use the same config, batch, seed, crop and optimiser options`);
  }
  if (ck && ck.state.order.length !== rawTrain.length) {
    throw new LabError(`resume: the checkpoint in ${ckDir} was made with ${ck.state.order.length} training clips, and this run has ${rawTrain.length}; use the same corpora and options`);
  }
  const init = randomInitWeights(s.config, s.seed);
  if (initModel && !ck) {
    for (const [k, w] of init) {
      const from = initModel.weights.get(k);
      if (from === undefined || from.data.length !== w.data.length) throw new LabError(`--init ${s.init!.model}: parameter ${k} missing or of another size (is it the same U-Net config?)`);
      w.data = Float32Array.from(from.data);
    }
  }
  if (ck) {
    for (const [k, w] of init) {
      const data = ck.params.get(k);
      if (data === undefined || data.length !== w.data.length) throw new LabError(`${ckDir}: checkpoint parameter ${k} missing or of another size`);
      w.data = data;
    }
  }
  const model = createUNet(s.config, init, { trainable: true });
  const adam = newAdamState(model.params);
  if (ck) {
    for (const [k, t] of model.params) {
      adam.m.get(k)!.dispose();
      adam.v.get(k)!.dispose();
      adam.m.set(k, tf.tensor(ck.m.get(k)!, t.shape));
      adam.v.set(k, tf.tensor(ck.v.get(k)!, t.shape));
    }
    adam.step = ck.state.step;
  }
  if (s.ema !== undefined && !(s.ema > 0 && s.ema < 1)) throw new LabError(`training: the weight-average decay must be in (0, 1), got ${s.ema}`);
  if (ck && s.ema !== undefined && ck.ema.size === 0) throw new LabError(`${ckDir}: the checkpoint holds no weight average (ema); it was made without one`);
  const ema = s.ema !== undefined ? newEma(s.ema, model.params, ck ? ck.ema : undefined) : undefined;
  const prng = new Prng(ck ? ck.state.prng : s.seed);
  return {
    model, adam, prng,
    order: ck ? ck.state.order : prng.permutation(rawTrain.length),
    cursor: ck ? ck.state.cursor : 0,
    step: ck ? ck.state.step : 0,
    elapsedSec: ck ? ck.state.elapsedSec : 0,
    melNorm: { mean: stats.mean, std: stats.std, source: 'config.json' },
    settingsRecord,
    resumed: ck !== undefined,
    earlyStop: ck?.state.earlyStop,
    ema,
    ...(settingsRecord.init ? { init: settingsRecord.init as InitRecord } : {}),
    ...(initMoved ? { initMoved } : {}),
  };
}

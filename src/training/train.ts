// v-diffusion training of a UNetV0 on log-mel crops (Node and the browser worker): seeded batches,
// Adam, a loss log, periodic validation and checkpoints kept by a RunStore (a folder in Node,
// IndexedDB in the browser), and an exact resume (same result as an uninterrupted run for the
// same seed and steps). The caller writes the finished model with the mel normalisation that
// extraction must apply.
import * as tf from '@tensorflow/tfjs';
import { LabError } from '../common/errors.ts';
import { throwIfCancelled, type JobOptions } from '../common/progress.ts';
import type { MelNormalisation } from '../features/mel-norm.ts';
import type { NamedWeights } from '../weights/types.ts';
import { disposeAdamState, learningRate } from './adam.ts';
import { decodeCheckpoint, encodeCheckpoint, encodeParams, type TrainState } from './checkpoint.ts';
import { disposeEma, updateEma, withWeights } from './ema.ts';
import { evaluateDiffusion, type DiffusionEval } from './evaluate.ts';
import { cropBatch, N_MELS, normaliseClips, type CropPick, type MelClip } from './melData.ts';
import { EarlyStop, type EarlyStopOptions } from './early-stop.ts';
import { startRun, type InitModel, type TrainSettings } from './runStart.ts';
import { singleThreadStepper, type Stepper, type StepperFactory } from './stepper.ts';
import type { RunStore } from './run-store.ts';
import { SigmaBins, type LogLine } from './trainLog.ts';

export type { InitModel, TrainSettings } from './runStart.ts';

export interface TrainOptions extends JobOptions {
  settings: TrainSettings;
  /** Total updates (a resumed run continues up to this). */
  steps: number;
  /** Raw log-mel clips (normalised inside with the training split's statistics). */
  train: MelClip[];
  validation: MelClip[];
  /** Where the checkpoint and the loss log live (FolderRunStore in Node). */
  store: RunStore;
  resume?: boolean;
  checkpointEvery?: number;
  /** Validate every N steps (0: only at the end). */
  validateEvery?: number;
  /** Validation clips used (centre crops, seeded noise). */
  validationClips?: number;
  logEvery?: number;
  /** One human-readable progress line per log interval. */
  onLine?: (line: string) => void;
  /** Every loss-log line as it is written (live curves). */
  onLog?: (line: LogLine) => void;
  /** Fine-tuning: the weights and normalisation named by settings.init. */
  initModel?: InitModel;
  /** Stop when validation stops improving (needs validateEvery > 0); the result is the best validation's weights. */
  earlyStop?: EarlyStopOptions;
  /** How steps run (default: this thread only; Node: parallelStepper). Not part of the settings: a resume may use another. */
  stepper?: StepperFactory;
  /**
   * A graceful stop (Ctrl-C once in the CLI): at the next step boundary the checkpoint is written and
   * a StoppedError is thrown; `--resume` then continues exactly where the run stood.
   */
  stopSignal?: AbortSignal;
  /**
   * A snapshot of an unfinished run (needs `resume`): no step, no validation, nothing written to the
   * store; the result is the checkpoint's best weights so far (early stopping) or its current weights,
   * with the logged validation of that step.
   */
  snapshot?: boolean;
}

/** Training was asked to stop; its checkpoint at `step` is saved, so a resume continues from there. */
export class StoppedError extends LabError {
  constructor(readonly step: number, where: string) {
    super(`training stopped at step ${step}; checkpoint saved in ${where}; continue with --resume`);
    this.name = 'StoppedError';
  }
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
  /** With early stopping: why the run ended and which step's weights are returned. */
  stop?: { reason: 'patience' | 'step cap' | 'unfinished'; bestStep: number; bestVLoss: number; patience: number; minRelDelta: number; validateEvery: number };
  /** The model the run started from, as the run recorded it (a resume keeps the checkpoint's record even if that folder changed since). */
  init?: { model: string; hash: string };
}

/** Trains (or resumes) a run; see the header. */
export async function trainDiffusion(o: TrainOptions): Promise<TrainResult> {
  const s = o.settings;
  const store = o.store;
  if (s.cropFrames % 8 !== 0) throw new LabError(`crop of ${s.cropFrames} frames: must be a multiple of 8 (the U-Net's downsampling)`);
  if (o.train.length === 0) throw new LabError('training: no training clips');
  if (o.earlyStop && !((o.validateEvery ?? 0) > 0 && o.validation.length > 0)) {
    throw new LabError('early stopping (--patience) needs validation clips and --validate-every > 0');
  }
  if (o.snapshot && !o.resume) throw new LabError('a snapshot reads an existing run: it needs resume');
  const run = await startRun(s, o.train, store, o.resume ?? false, o.initModel);
  const early = o.earlyStop ? new EarlyStop(o.earlyStop, run.earlyStop) : undefined;
  const { model, adam, prng, melNorm, settingsRecord, ema } = run;
  if (run.initMoved) {
    const m = run.initMoved;
    o.onLine?.(`resume: ${m.model} now holds other weights (hash ${m.now.slice(0, 12)}) than this run started from (${m.was.slice(0, 12)}); ` +
      'the run goes on from its checkpoint, and its card keeps the hash it started from');
  }
  /** What is validated, kept as best and published: the weight average when the run keeps one. */
  const evalParams = () => ema?.weights ?? model.params;
  const checkpoint = () => encodeCheckpoint(model.params, adam, state(), ema?.weights);
  let { order, cursor, step } = run;
  const elapsedBefore = run.elapsedSec;
  const train = normaliseClips(o.train, melNorm);
  const validation = normaliseClips(o.validation.slice(0, o.validationClips ?? 64), melNorm);
  if (!o.snapshot) await store.truncateLog(run.resumed ? step : -1);

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
    ...(early ? { earlyStop: { ...early.state } } : {}),
  });
  let bestVal: DiffusionEval | undefined;
  const validate = async () => {
    if (validation.length === 0) return;
    const evaluate = () => evaluateDiffusion(model, validation, melNorm, { frames: s.cropFrames, seed: s.seed + 1, batch: s.batch });
    lastVal = ema ? withWeights(model.params, ema.weights, evaluate) : evaluate();
    lastValStep = step;
    const line: LogLine = { kind: 'val', step, ...lastVal, time: elapsed() };
    await store.appendLog(line);
    o.onLog?.(line);
    let note = '';
    if (early) {
      const verdict = early.observe(lastVal.vLoss, step);
      if (verdict === 'improved') {
        bestVal = lastVal;
        await store.saveBest(encodeParams(evalParams()));
        note = ' (best so far)';
      } else {
        note = ` (best ${early.state.bestVLoss.toFixed(4)} at step ${early.state.bestStep}; ${early.state.sinceBest}/${early.o.patience} without improvement)`;
      }
    }
    o.onLine?.(`step ${step}: validation v-loss ${lastVal.vLoss.toFixed(4)}, x0 error ${lastVal.x0Error.toFixed(4)} (${lastVal.clips} clips)${note}`);
  };

  let stepper: Stepper | undefined;
  try {
    if (o.snapshot) {
      const snap = await snapshotOf(store, evalParams(), early, o.validateEvery ?? 0, { step, melNorm, elapsedSec: elapsedBefore, batch: s.batch });
      return { ...snap, ...(run.init ? { init: run.init } : {}) };
    }
    stepper = await (o.stepper ?? singleThreadStepper)({ model, adam, options: s.adam, microBatch: s.microBatch, signal: o.signal });
    while (step < o.steps && !early?.stopped) {
      // One macrotask turn per step: a one-thread run in Node otherwise only awaits settled promises and
      // synchronous file writes, so the event loop never reaches its signal watchers and Ctrl-C (SIGINT,
      // the stopSignal's source) would wait for the end of the run.
      await new Promise((resolve) => setTimeout(resolve, 0));
      throwIfCancelled(o.signal, 'training');
      if (o.stopSignal?.aborted) {
        // Between steps the state is whole (the PRNG has not drawn the next batch): save it as a checkpoint.
        await store.saveCheckpoint(checkpoint());
        throw new StoppedError(step, store.where);
      }
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
      const { loss, perSample, gradNorm } = await stepper.step(x, eps, sig).finally(() => tf.dispose([x, eps, sig]));
      bins.add(sigmas, perSample);
      if (!Number.isFinite(loss)) throw new LabError(`training diverged at step ${step + 1} (loss ${loss}); try a lower --lr`);
      step++;
      if (ema) updateEma(ema, model.params, step);
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
        await store.appendLog(line);
        o.onLog?.(line);
        const eta = ((o.steps - step) / line.stepsPerSec / 60).toFixed(1);
        o.onLine?.(`step ${step}/${o.steps}  loss ${finalLoss.toFixed(4)}  ${line.stepsPerSec.toFixed(3)} steps/s  ${line.clipsPerSec.toFixed(2)} clips/s  eta ${eta} min`);
        o.onProgress?.({ stage: 'training', done: step, total: o.steps, detail: `loss ${finalLoss.toFixed(4)}` });
        intervalLoss = 0;
        intervalSteps = 0;
      }
      if ((o.validateEvery ?? 0) > 0 && step % o.validateEvery! === 0) await validate();
      if (step % (o.checkpointEvery ?? 100) === 0 || step === o.steps || early?.stopped) await store.saveCheckpoint(checkpoint());
    }
    if (lastValStep !== step && !early?.stopped) {
      await validate();
      if (early) await store.saveCheckpoint(checkpoint());
    }
    let weights: NamedWeights = new Map();
    for (const [k, t] of evalParams()) weights.set(k, { shape: [...t.shape], data: Float32Array.from(t.dataSync() as Float32Array) });
    let stop: TrainResult['stop'];
    if (early) {
      const best = await store.loadBest();
      if (!best) throw new LabError(`${store.where}: the best weights of this run are missing (best.safetensors)`);
      weights = await decodeBestWeights(best, weights, store.where);
      stop = {
        reason: early.stopped ? 'patience' : 'step cap', bestStep: early.state.bestStep, bestVLoss: early.state.bestVLoss,
        patience: early.o.patience, minRelDelta: early.o.minRelDelta, validateEvery: o.validateEvery!,
      };
      o.onLine?.(`stopped (${stop.reason}) at step ${step}; returning the weights of step ${stop.bestStep} (validation v-loss ${stop.bestVLoss.toFixed(4)})`);
      if (bestVal === undefined || bestVal.vLoss !== early.state.bestVLoss) bestVal = await bestEval(store, early.state.bestStep, lastVal);
      lastVal = bestVal;
    }
    const t = elapsed();
    const sessionSec = (performance.now() - sessionStart) / 1000;
    return {
      steps: step, weights, melNorm, finalLoss, validation: lastVal, elapsedSec: t,
      clipsPerSec: step > startStep ? ((step - startStep) * s.batch) / sessionSec : 0, stop,
      ...(run.init ? { init: run.init } : {}),
    };
  } finally {
    await stepper?.dispose();
    disposeAdamState(adam);
    disposeEma(ema);
    model.dispose();
  }
}

/** The result of a snapshot (TrainOptions.snapshot): the best weights so far, or the current ones, read without writing. */
async function snapshotOf(
  store: RunStore, params: Map<string, tf.Tensor>, early: EarlyStop | undefined, validateEvery: number,
  run: { step: number; melNorm: MelNormalisation; elapsedSec: number; batch: number },
): Promise<TrainResult> {
  let weights: NamedWeights = new Map();
  for (const [k, t] of params) weights.set(k, { shape: [...t.shape], data: Float32Array.from(t.dataSync() as Float32Array) });
  const log = await store.readLog();
  const lastTrain = log.filter((l) => l.kind === 'train' && l.step <= run.step).pop() as { loss?: number } | undefined;
  let stop: TrainResult['stop'];
  let at = run.step;
  if (early) {
    if (early.state.bestStep < 0) throw new LabError(`${store.where}: the run has not validated yet, so it has no best weights to snapshot`);
    const best = await store.loadBest();
    if (!best) throw new LabError(`${store.where}: the best weights of this run are missing (best.safetensors)`);
    weights = await decodeBestWeights(best, weights, store.where);
    at = early.state.bestStep;
    stop = {
      reason: early.stopped ? 'patience' : 'unfinished', bestStep: early.state.bestStep, bestVLoss: early.state.bestVLoss,
      patience: early.o.patience, minRelDelta: early.o.minRelDelta, validateEvery,
    };
  }
  return {
    steps: run.step, weights, melNorm: run.melNorm, finalLoss: lastTrain?.loss ?? NaN, validation: await bestEval(store, at, undefined),
    elapsedSec: run.elapsedSec, clipsPerSec: run.elapsedSec > 0 ? (run.step * run.batch) / run.elapsedSec : 0, stop,
  };
}

/** The parameters stored by saveBest, in the shape of `like`. */
async function decodeBestWeights(tensors: Uint8Array, like: NamedWeights, where: string): Promise<NamedWeights> {
  const ck = await decodeCheckpoint({ tensors, json: JSON.stringify({ format: 'diffpir-train-checkpoint' }) }, `${where} (best)`);
  const out: NamedWeights = new Map();
  for (const [k, w] of like) {
    const data = ck.params.get(k);
    if (data === undefined || data.length !== w.data.length) throw new LabError(`${where}: best weights lack parameter ${k}`);
    out.set(k, { shape: w.shape, data });
  }
  return out;
}

/** The logged validation of the best step (a resumed run did not see it in this session). */
async function bestEval(store: RunStore, bestStep: number, fallback: DiffusionEval | undefined): Promise<DiffusionEval | undefined> {
  const line = (await store.readLog()).filter((l) => l.kind === 'val' && l.step === bestStep).pop();
  if (!line) return fallback;
  const { vLoss, vLossBySigma, x0Error, clips } = line as unknown as DiffusionEval;
  return { vLoss, vLossBySigma, x0Error, clips };
}

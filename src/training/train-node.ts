// One diffusion training run in Node, from corpora to a published model folder: reads the data
// (train-data-node.ts), the model to fine-tune from (--init), trains or resumes (train.ts) with
// optional early stopping, and writes model.json, config.json and MODEL_CARD.md. The
// `train-diffusion` and `train-regimes` commands both call this.
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { LabError } from '../common/errors.ts';
import type { JobOptions } from '../common/progress.ts';
import { resolveModelNode } from '../features/model-source-node.ts';
import type { UNetConfig } from '../unet/config.ts';
import type { AdamOptions } from './adam.ts';
import type { EarlyStopOptions } from './early-stop.ts';
import { parallelStepper } from './parallel-step.ts';
import { publishModel } from './publish.ts';
import { FolderRunStore } from './run-store-node.ts';
import { loadTrainData, type TrainCorpusInfo } from './train-data-node.ts';
import { trainDiffusion, type InitModel, type TrainResult, type TrainSettings } from './train.ts';
import { formatLogLines, TRAIN_LOG } from './trainLog.ts';
import { portablePath } from '../common/portable-path.ts';

export interface NodeTrainRequest {
  /** Corpus folders or presets; their training clips are pooled. */
  corpora: string[];
  withMulti: boolean;
  trainLimit?: number;
  validationClips: number;
  /** Random init of this config, or fine-tune `init` (a model folder or name; its config is used). */
  config?: UNetConfig;
  init?: string;
  steps: number;
  outDir: string;
  batch: number;
  seed: number;
  cropFrames: number;
  microBatch: number;
  adam: AdamOptions;
  earlyStop?: EarlyStopOptions;
  validateEvery: number;
  checkpointEvery: number;
  resume: boolean;
  float16: boolean;
  /** Threads computing each step's gradients (default 1; not part of the run's settings, so a resume may change it). */
  threads?: number;
  /** For the card: how the run was started (a command line, shown as code), a note on it, and the backend in words. */
  command: string;
  commandNote?: string;
  backend: string;
  onLine?: (line: string) => void;
  /** Weight-average decay (TrainSettings.ema), or none. */
  ema?: number;
  /** Graceful stop: checkpoint at the next step boundary, then StoppedError (see trainDiffusion). */
  stopSignal?: AbortSignal;
  /**
   * Write a snapshot of the unfinished run in `outDir` to this folder instead of training: its best
   * weights so far, the loss log up to its checkpoint and a card that says so; the run is not touched.
   */
  snapshotTo?: string;
  /** Lines for the card's Training section (e.g. what a continued run continues). */
  notes?: string[];
}

export interface NodeTrainResult extends Omit<TrainResult, 'weights'> {
  corpora: TrainCorpusInfo[];
  trainClips: number;
}

function snapshotNote(runDir: string, step: number): string {
  return `snapshot of the unfinished run in \`${portablePath(runDir)}\` at step ${step} (its checkpoint, with Adam moments and the weight average, ` +
    'stays there and is not part of this folder; the same training command continues that run). Wall time and clips/s are the run\'s so far';
}

/** The run's loss log up to its checkpoint's step, beside the snapshot's weights. */
async function copySnapshotLog(runDir: string, to: string, step: number): Promise<void> {
  const lines = await new FolderRunStore(runDir).readLog();
  mkdirSync(to, { recursive: true });
  writeFileSync(path.join(to, TRAIN_LOG), formatLogLines(lines.filter((l) => l.step <= step)));
}

export async function trainModelNode(r: NodeTrainRequest, opts: JobOptions = {}): Promise<NodeTrainResult> {
  if (r.corpora.length === 0) throw new LabError('training: no corpus given');
  if (r.snapshotTo !== undefined && path.resolve(r.snapshotTo) === path.resolve(r.outDir)) {
    throw new LabError(`snapshot: write it to another folder than the run's own (${r.outDir})`);
  }
  let config: UNetConfig;
  let initModel: InitModel | undefined;
  let init: TrainSettings['init'];
  if (r.init !== undefined) {
    if (r.init.startsWith('random-init')) throw new LabError('--init takes a trained model folder or name; for random weights leave --init out and give --config');
    const m = await resolveModelNode(r.init);
    if (r.config && JSON.stringify(r.config) !== JSON.stringify(m.config)) {
      throw new LabError(`--config differs from the config of --init ${r.init}; leave --config out to use the model's`);
    }
    config = m.config;
    initModel = { weights: m.weights, melNorm: { mean: m.melNorm.mean as number, std: m.melNorm.std as number } };
    init = { model: m.origin.startsWith('models/') ? m.origin : portablePath(r.init), hash: m.hash };
  } else {
    if (!r.config) throw new LabError('training: give a U-Net config (--config) or a model to fine-tune (--init)');
    config = r.config;
  }
  const data = await loadTrainData(r.corpora, { onProgress: opts.onProgress, signal: opts.signal, withMulti: r.withMulti, trainLimit: r.trainLimit, validationClips: r.validationClips });
  const settings: TrainSettings = { config, batch: r.batch, seed: r.seed, cropFrames: r.cropFrames, microBatch: r.microBatch, adam: r.adam, ...(init ? { init } : {}), ...(r.ema !== undefined ? { ema: r.ema } : {}) };
  r.onLine?.(`training on ${data.train.length} clips (${r.corpora.join(' + ')}${r.withMulti ? ', with the multi-label set' : ''}), ${data.validation.length} validation clips; ` +
    `${r.backend}, ${r.threads ?? 1} thread${(r.threads ?? 1) > 1 ? 's' : ''}; batch ${r.batch}, ${r.steps} steps${r.earlyStop ? ` at most (early stopping: patience ${r.earlyStop.patience})` : ''}${init ? `; from ${init.model}` : ''}`);
  const result = await trainDiffusion({
    settings, steps: r.steps, train: data.train, validation: data.validation, store: new FolderRunStore(r.outDir), resume: r.resume || r.snapshotTo !== undefined,
    checkpointEvery: r.checkpointEvery, validateEvery: r.validateEvery, validationClips: data.validation.length, initModel, earlyStop: r.earlyStop,
    logEvery: 10, onLine: r.onLine, signal: opts.signal, onProgress: opts.onProgress, stopSignal: r.stopSignal,
    stepper: (r.threads ?? 1) > 1 && !r.snapshotTo ? parallelStepper(r.threads!) : undefined, snapshot: r.snapshotTo !== undefined,
  });
  const dest = r.snapshotTo ?? r.outDir;
  if (r.snapshotTo) await copySnapshotLog(r.outDir, r.snapshotTo, result.steps);
  const name = path.basename(path.resolve(dest));
  const sum = (f: (c: TrainCorpusInfo) => number) => data.corpora.reduce((a, c) => a + f(c), 0);
  const first = data.corpora[0];
  const runSettings: TrainSettings = result.init ? { ...settings, init: result.init } : settings;
  await publishModel(dest, result.weights, {
    name, settings: runSettings, steps: result.steps,
    corpus: data.corpora.length === 1
      ? { source: first.source, preset: first.preset, seed: first.seed, trainClips: first.trainClips, validationClips: first.validationClips }
      : { source: r.corpora.join(','), trainClips: sum((c) => c.trainClips), validationClips: sum((c) => c.validationClips) },
    corpora: data.corpora, withMulti: r.withMulti,
    melNorm: { mean: result.melNorm.mean as number, std: result.melNorm.std as number },
    backend: (r.threads ?? 1) > 1 ? `${r.backend}, ${r.threads} threads` : r.backend, wallTimeSec: result.elapsedSec, clipsPerSec: result.clipsPerSec,
    finalTrainLoss: result.finalLoss, validation: result.validation, storage: r.float16 ? 'float16' : 'float32',
    command: r.command, ...(r.commandNote ? { commandNote: r.commandNote } : {}), logFile: TRAIN_LOG, stop: result.stop,
    notes: [...(r.notes ?? []), ...(r.snapshotTo ? [snapshotNote(r.outDir, result.steps)] : [])],
  });
  const { weights: _w, ...facts } = result;
  return { ...facts, corpora: data.corpora, trainClips: data.train.length };
}

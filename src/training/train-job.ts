// A whole training job without a file system (the browser worker; tested in Node): trains or
// resumes from the run store's checkpoint, then returns the finished model as model-folder files
// (model.json + shards, config.json with the mel normalisation and the run's facts,
// MODEL_CARD.md, train-log.jsonl), ready for a model store.
import type { JobOptions } from '../common/progress.ts';
import { writeModelFiles } from '../weights/convert.ts';
import { CONFIG_JSON } from '../weights/manifest.ts';
import type { MelClip } from './melData.ts';
import { buildModelCard, MODEL_CARD, trainedConfigExtras, type ModelCardInfo } from './modelCard.ts';
import type { RunStore } from './run-store.ts';
import { trainDiffusion, type TrainResult, type TrainSettings } from './train.ts';
import { formatLogLines, TRAIN_LOG, type LogLine } from './trainLog.ts';

export interface TrainJob {
  name: string;
  settings: TrainSettings;
  steps: number;
  train: MelClip[];
  validation: MelClip[];
  /** The corpus as the card names it (clip counts are filled in from the job). */
  corpus: Omit<ModelCardInfo['corpus'], 'trainClips' | 'validationClips'>;
  store: RunStore;
  /** E.g. "wasm (browser worker)". */
  backend: string;
  /** How the run was started, for the card (a command line or "the Models page"). */
  command: string;
  float16?: boolean;
  checkpointEvery?: number;
  validateEvery?: number;
  validationClips?: number;
  logEvery?: number;
}

export interface TrainJobResult {
  result: Omit<TrainResult, 'weights'>;
  files: Map<string, Uint8Array>;
  configJson: Record<string, unknown>;
  resumedFromStep: number;
}

export async function runTrainJob(job: TrainJob, opts: JobOptions & { onLog?: (line: LogLine) => void } = {}): Promise<TrainJobResult> {
  const validationClips = job.validationClips ?? 32;
  const existing = await job.store.loadCheckpoint();
  const resumedFromStep = existing ? (JSON.parse(existing.json) as { step?: number }).step ?? 0 : 0;
  const result = await trainDiffusion({
    settings: job.settings, steps: job.steps, train: job.train, validation: job.validation, store: job.store,
    resume: existing !== undefined, checkpointEvery: job.checkpointEvery ?? 25, validateEvery: job.validateEvery ?? 0,
    validationClips, logEvery: job.logEvery ?? 5,
    signal: opts.signal, onProgress: opts.onProgress, onLog: opts.onLog,
  });
  const { weights, ...facts } = result;
  const corpus = { ...job.corpus, trainClips: job.train.length, validationClips: Math.min(job.validation.length, validationClips) };
  const info: ModelCardInfo = {
    name: job.name, settings: job.settings, steps: result.steps, corpus,
    melNorm: { mean: result.melNorm.mean as number, std: result.melNorm.std as number },
    backend: job.backend, wallTimeSec: result.elapsedSec, clipsPerSec: result.clipsPerSec,
    finalTrainLoss: result.finalLoss, validation: result.validation, storage: job.float16 ? 'float16' : 'float32',
    command: job.command, logFile: TRAIN_LOG,
  };
  const files = new Map<string, Uint8Array>();
  await writeModelFiles(weights, job.settings.config, async (name, bytes) => void files.set(name, bytes), {
    float16: job.float16, extras: trainedConfigExtras(info),
  });
  const text = new TextEncoder();
  files.set(MODEL_CARD, text.encode(buildModelCard(info)));
  files.set(TRAIN_LOG, text.encode(formatLogLines(await job.store.readLog())));
  const configJson = JSON.parse(new TextDecoder().decode(files.get(CONFIG_JSON)!)) as Record<string, unknown>;
  return { result: facts, files, configJson, resumedFromStep };
}

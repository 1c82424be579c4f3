// `diffusionTrain`: reads the corpus's train and validation clips as log-mels, runs the training
// job (src/training/train-job.ts) with its checkpoint and log in IndexedDB, and stores the result
// as a user model. The run's status is kept current (running, stopped, failed, done) so the page
// can offer to resume it after a reload; a retry on WASM after a lost GPU resumes from the checkpoint.
import * as tf from '@tensorflow/tfjs';
import { CancelledError, LabError } from '../../common/errors.ts';
import { NAMED_CONFIGS } from '../../features/model-source.ts';
import { browserModelStore } from '../../store/model-store.ts';
import { browserTrainRuns } from '../../store/train-runs.ts';
import { melClips } from '../../sweep/baseline.ts';
import { DEFAULT_ADAM } from '../../training/adam.ts';
import { runTrainJob } from '../../training/train-job.ts';
import { defineHandler } from '../handler.ts';
import type { DiffusionTrainProgress } from '../messages/diffusion-train.ts';
import { openLabCorpus } from './lab-corpus.ts';

export const diffusionTrainHandler = defineHandler('diffusionTrain', {
  run: async (p, ctx) => {
    const config = NAMED_CONFIGS[p.config];
    if (!config) throw new LabError(`config "${p.config}": not a named config (${Object.keys(NAMED_CONFIGS).join(', ')})`);
    if (!(p.steps >= 1 && p.batch >= 1 && p.cropFrames >= 8 && p.cropFrames % 8 === 0 && p.lr > 0)) {
      throw new LabError(`training settings: steps and batch must be >= 1, the crop a multiple of 8 frames, lr > 0 (got ${p.steps}, ${p.batch}, ${p.cropFrames}, ${p.lr})`);
    }
    const runs = browserTrainRuns();
    const now = new Date().toISOString();
    const known = await runs.get(p.runId);
    await runs.put({ id: p.runId, name: p.name, params: { ...p }, status: 'running', step: known?.step ?? 0, steps: p.steps, updated: now });
    try {
      const corpus = await openLabCorpus(p.corpus, p.maxClips);
      ctx.onProgress({ stage: 'log-mels of the train and validation clips', done: 0, total: 0 });
      const train = await melClips(corpus, 'train', ctx.signal);
      const validation = await melClips(corpus, 'validation', ctx.signal);
      if (train.length === 0) throw new LabError(`corpus ${corpus.id}: no training clips`);
      const backend = tf.getBackend();
      const job = await runTrainJob({
        name: p.name,
        settings: { config, batch: p.batch, seed: p.seed, cropFrames: p.cropFrames, microBatch: p.microBatch, adam: { ...DEFAULT_ADAM, lr: p.lr, warmupSteps: p.warmupSteps } },
        steps: p.steps, train, validation,
        corpus: { source: corpus.id, preset: corpus.info.preset as string | undefined, seed: corpus.info.seed as number | undefined },
        store: runs.runStore(p.runId), backend: `${backend} (browser worker)`, command: `Models page, Train a model (${p.config} config, run ${p.runId})`,
        float16: p.float16, checkpointEvery: p.checkpointEvery, logEvery: Math.max(1, Math.min(10, Math.floor(p.steps / 20))),
      }, {
        signal: ctx.signal,
        onProgress: (pr) => ctx.onProgress(pr),
        onLog: (line) => {
          const pr: DiffusionTrainProgress = { stage: 'training', done: line.step, total: p.steps, detail: line.kind === 'train' ? `loss ${(line.loss as number).toFixed(4)}` : 'validation', line };
          ctx.onProgress(pr);
        },
      });
      ctx.onProgress({ stage: 'storing the model', done: 0, total: 0 });
      const model = await browserModelStore().save(
        { id: `t${p.runId}`, name: p.name, origin: `trained here (${p.config}, ${job.result.steps} steps)`, added: new Date().toISOString(), configJson: job.configJson },
        job.files,
      );
      await runs.update(p.runId, { status: 'done', step: job.result.steps, modelId: model.id });
      await runs.dropCheckpoint(p.runId);
      const r = job.result;
      return {
        model, steps: r.steps, resumedFromStep: job.resumedFromStep, finalLoss: r.finalLoss,
        validation: r.validation ? { vLoss: r.validation.vLoss, x0Error: r.validation.x0Error, clips: r.validation.clips } : undefined,
        elapsedSec: r.elapsedSec, clipsPerSec: r.clipsPerSec, backend, log: await runs.runStore(p.runId).readLog(),
      };
    } catch (e) {
      const stopped = e instanceof CancelledError;
      await runs.update(p.runId, { status: stopped ? 'stopped' : 'failed', ...(stopped ? {} : { error: e instanceof Error ? e.message : String(e) }) }).catch(() => undefined);
      throw e;
    }
  },
});

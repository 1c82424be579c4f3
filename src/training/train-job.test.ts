// The storage-free training job (what the browser worker runs) on a tiny config, with its run in
// a key-value store as IndexedDB would hold it: stopped mid-run and resumed, it ends with the
// weights of an uninterrupted run; its files load as a model folder with the card and the log.
import { beforeAll, describe, expect, it } from 'vitest';
import { CancelledError } from '../common/errors.ts';
import { initNodeBackend } from '../compute/node.ts';
import { MemoryStore } from '../store/kv.ts';
import { TrainRunStore } from '../store/train-runs.ts';
import { loadModelFiles } from '../weights/model-files.ts';
import { DEFAULT_ADAM } from './adam.ts';
import { MemoryRunStore } from './run-store.ts';
import { syntheticMelClips, TINY_TRAIN_CONFIG } from './testing.ts';
import { runTrainJob, type TrainJob } from './train-job.ts';

beforeAll(async () => {
  await initNodeBackend('wasm');
});

const train = syntheticMelClips(8, 16, 3);
const validation = syntheticMelClips(3, 16, 4);
const job = (store: TrainJob['store'], steps: number): TrainJob => ({
  name: 'tiny-test', steps, train, validation, store, backend: 'wasm (test)', command: 'train-job.test.ts',
  settings: { config: TINY_TRAIN_CONFIG, batch: 2, seed: 5, cropFrames: 8, microBatch: 0, adam: { ...DEFAULT_ADAM, lr: 1e-2, warmupSteps: 1 } },
  corpus: { source: 'synthetic' }, checkpointEvery: 1, logEvery: 1,
});

describe('runTrainJob', () => {
  it('stopped after 2 steps and resumed to 4 equals 4 steps straight; the files load as a model with card and log', async () => {
    const straight = await runTrainJob(job(new MemoryRunStore(), 4));
    const runs = new TrainRunStore(new MemoryStore());
    await runs.put({ id: 'r1', name: 'tiny-test', params: {}, status: 'running', step: 0, steps: 4, updated: '' });
    const controller = new AbortController();
    await expect(runTrainJob(job(runs.runStore('r1'), 4), {
      signal: controller.signal,
      onLog: (l) => void (l.step === 2 && controller.abort()),
    })).rejects.toBeInstanceOf(CancelledError);
    expect((await runs.get('r1'))?.step).toBe(2);
    const resumed = await runTrainJob(job(runs.runStore('r1'), 4));
    expect(resumed.resumedFromStep).toBe(2);
    expect(resumed.result.steps).toBe(4);
    const weightsOf = async (files: Map<string, Uint8Array>) => (await loadModelFiles({
      name: 'trained', read: async (f) => files.get(f)!, size: async (f) => files.get(f)?.byteLength,
    })).weights;
    const a = await weightsOf(straight.files);
    const b = await weightsOf(resumed.files);
    for (const [k, w] of a) expect(Array.from(b.get(k)!.data), k).toEqual(Array.from(w.data));
    const text = (f: string) => new TextDecoder().decode(resumed.files.get(f));
    expect(text('MODEL_CARD.md')).toContain('4 steps, batch 2');
    expect(text('MODEL_CARD.md')).toContain('8 training clips, 3 validation clips');
    expect(text('train-log.jsonl').trim().split('\n').map((l) => JSON.parse(l).step)).toEqual([1, 2, 3, 4, 4]);
    expect((resumed.configJson.mel as { normalisation: { std: number } }).normalisation.std).toBeGreaterThan(0);
  });
});

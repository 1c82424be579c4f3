// Models page slice for training a diffusion U-Net in the worker: the settings (remembered in
// localStorage), the job with its live loss-log lines, the runs kept in IndexedDB (an unfinished
// one can be resumed after a stop or a reload: same run id, so the worker continues from its
// checkpoint), and the result.
import { create } from 'zustand';
import type { Progress } from '../../../common/progress.ts';
import type { DiffusionTrainParams, DiffusionTrainProgress, DiffusionTrainResult } from '../../../compute/messages/diffusion-train.ts';
import { browserTrainRuns, type TrainRunInfo } from '../../../store/train-runs.ts';
import type { LogLine } from '../../../training/trainLog.ts';
import { compute } from '../../compute.ts';
import { messageOf } from '../../state/lab-locations.ts';
import { useModels } from '../../state/models.ts';
import { corpusFromValue, DEFAULT_CORPUS_VALUE } from '../experiment/corpus-ref.ts';

export interface TrainForm {
  name: string;
  corpus: string;
  config: 'tiny' | 'student';
  steps: number;
  batch: number;
  microBatch: number;
  cropFrames: number;
  lr: number;
  warmupSteps: number;
  seed: number;
  checkpointEvery: number;
  /** Clips per split (0: all). */
  maxClips: number;
}

export const TRAIN_DEFAULTS: TrainForm = {
  name: 'my-diffusion', corpus: DEFAULT_CORPUS_VALUE, config: 'tiny', steps: 60, batch: 4, microBatch: 0,
  cropFrames: 104, lr: 1e-3, warmupSteps: 10, seed: 0, checkpointEvery: 10, maxClips: 0,
};

export interface TrainState {
  form: TrainForm;
  running: boolean;
  runId: string | null;
  progress: Progress | null;
  lines: LogLine[];
  result: DiffusionTrainResult | null;
  error: string | null;
  runs: TrainRunInfo<DiffusionTrainParams>[];
  set(patch: Partial<TrainForm>): void;
  start(): Promise<void>;
  resume(run: TrainRunInfo<DiffusionTrainParams>): Promise<void>;
  stop(): void;
  discard(id: string): Promise<void>;
  refreshRuns(): Promise<void>;
}

const FORM_KEY = 'diffpir-train-form';

/** The last settings used on this browser (kept across reloads), else the defaults. */
function savedForm(): TrainForm {
  try {
    const saved = JSON.parse(localStorage.getItem(FORM_KEY) ?? 'null') as Partial<TrainForm> | null;
    return { ...TRAIN_DEFAULTS, ...(saved && typeof saved === 'object' ? saved : {}) };
  } catch {
    return TRAIN_DEFAULTS;
  }
}

let jobId: number | null = null;
const newRunId = () => `${Date.now().toString(36)}${Math.floor(Math.random() * 1296).toString(36).padStart(2, '0')}`;

export const useTrain = create<TrainState>()((set, get) => {
  const run = async (params: DiffusionTrainParams, lines: LogLine[]) => {
    set({ running: true, runId: params.runId, error: null, result: null, lines, progress: { stage: 'starting', done: 0, total: params.steps } });
    const job = compute().start('diffusionTrain', params, {
      onProgress: (p) => {
        const line = (p as DiffusionTrainProgress).line;
        set((s) => ({ progress: p, lines: line ? [...s.lines, line] : s.lines }));
      },
    });
    jobId = job.id;
    try {
      const result = await job.result;
      set({ result, lines: result.log, running: false, progress: null });
      await useModels.getState().refresh();
    } catch (e) {
      set({ running: false, progress: null, error: messageOf(e) });
    } finally {
      jobId = null;
      await get().refreshRuns();
    }
  };
  return {
    form: savedForm(),
    running: false,
    runId: null,
    progress: null,
    lines: [],
    result: null,
    error: null,
    runs: [],
    set(patch) {
      set((s) => ({ form: { ...s.form, ...patch } }));
      try {
        localStorage.setItem(FORM_KEY, JSON.stringify(get().form));
      } catch {
        // storage refused (private mode, quota): the settings just are not remembered
      }
    },
    async start() {
      const f = get().form;
      const corpus = corpusFromValue(f.corpus);
      if (!corpus) return set({ error: `unknown data choice "${f.corpus}"` });
      if (!f.name.trim()) return set({ error: 'give the model a name' });
      await run({
        runId: newRunId(), name: f.name.trim(), corpus, config: f.config, steps: f.steps, batch: f.batch, microBatch: f.microBatch,
        seed: f.seed, cropFrames: f.cropFrames, lr: f.lr, warmupSteps: f.warmupSteps, checkpointEvery: f.checkpointEvery,
        ...(f.maxClips > 0 ? { maxClips: f.maxClips } : {}),
      }, []);
    },
    async resume(info) {
      const lines = await browserTrainRuns().runStore(info.id).readLog().catch(() => []);
      await run(info.params, lines.filter((l) => l.step <= info.step));
    },
    stop() {
      if (jobId !== null) compute().cancel(jobId);
    },
    async discard(id) {
      await browserTrainRuns().delete(id);
      await get().refreshRuns();
    },
    async refreshRuns() {
      try {
        const runs = await browserTrainRuns().list<DiffusionTrainParams>();
        set({ runs });
      } catch (e) {
        set({ error: `training runs could not be read (${messageOf(e)})` });
      }
    },
  };
});

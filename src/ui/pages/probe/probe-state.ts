// Probe page slice: the features (model, data, sigma, tap), the head and training settings (the
// view part mirrored in the URL), the worker job with its live epochs, the result, and the
// probes saved in IndexedDB.
import { create } from 'zustand';
import { CancelledError } from '../../../common/errors.ts';
import type { Progress } from '../../../common/progress.ts';
import type { ProbeSetupResult } from '../../../compute/messages/probe-setup.ts';
import type { ProbeTrainResult } from '../../../compute/messages/probe-train.ts';
import type { EpochReport } from '../../../probes/fit.ts';
import type { HeadKind } from '../../../probes/heads/types.ts';
import { compute } from '../../compute.ts';
import { setViewParams, viewNumber, viewParam } from '../../url-state.ts';
import { appBase } from '../experiment/app-base.ts';
import { corpusFromValue, DEFAULT_CORPUS_VALUE } from '../experiment/corpus-ref.ts';
import { newRecordId, probeRecords, type ProbeRecord } from '../experiment/lab-records.ts';
import { progressBatcher } from '../experiment/progress-batcher.ts';

export const HEADS: HeadKind[] = ['mlp', 'cnn', 'crnn', 'attention', 'bands'];
const isHead = (s: string | null): s is HeadKind => s !== null && (HEADS as string[]).includes(s);

export interface ProbeSettings {
  model: string;
  corpus: string;
  sigma: number;
  tap: string;
  head: HeadKind;
  epochs: number;
  learningRate: number;
  batchSize: number;
  seed: number;
  noiseSeed: number;
  /** Clips per split (0 = all). */
  maxClips: number;
}

export interface ProbeState extends ProbeSettings {
  setup: ProbeSetupResult | null;
  setupError: string | null;
  running: boolean;
  stopping: boolean;
  /** Set when the user's Stop ended the run (not an error): what was learned stays on the page. */
  stopped: { epochs: number; during: string; scored: boolean } | null;
  progress: Progress | null;
  history: EpochReport[];
  result: ProbeTrainResult | null;
  /** The data choice the result was trained on. */
  resultCorpus: string | null;
  error: string | null;
  saved: ProbeRecord[];
  savedId: string | null;
  set(patch: Partial<ProbeSettings>): void;
  loadSetup(): Promise<void>;
  train(): Promise<void>;
  stop(): void;
  save(name: string): Promise<void>;
  refreshSaved(): Promise<void>;
}

let jobId: number | null = null;

function initial(): ProbeSettings {
  return {
    model: viewParam('model') ?? 'random-init:tiny',
    corpus: viewParam('data') ?? DEFAULT_CORPUS_VALUE,
    sigma: viewNumber('sigma', 0.1),
    tap: viewParam('tap') ?? '',
    head: isHead(viewParam('head')) ? (viewParam('head') as HeadKind) : 'mlp',
    epochs: viewNumber('epochs', 40),
    learningRate: viewNumber('lr', 1e-3),
    batchSize: viewNumber('batch', 32),
    seed: viewNumber('seed', 1),
    noiseSeed: viewNumber('noise', 0),
    maxClips: viewNumber('clips', 0),
  };
}

export const useProbe = create<ProbeState>()((set, get) => ({
  ...initial(),
  setup: null,
  setupError: null,
  running: false,
  stopping: false,
  stopped: null,
  progress: null,
  history: [],
  result: null,
  resultCorpus: null,
  error: null,
  saved: [],
  savedId: null,
  set(patch) {
    set(patch);
    const s = get();
    setViewParams({ model: s.model, data: s.corpus, sigma: s.sigma, tap: s.tap || null, head: s.head, seed: s.seed, epochs: s.epochs, lr: s.learningRate, batch: s.batchSize, noise: s.noiseSeed, clips: s.maxClips || null });
    if (patch.model !== undefined || patch.tap !== undefined) void get().loadSetup();
  },
  async loadSetup() {
    const { model, tap } = get();
    try {
      const setup = await compute().request('probeSetup', { model, appBase: appBase(), tap: tap || undefined });
      if (get().model !== model) return;
      set({ setup, setupError: null, tap: setup.tap });
    } catch (e) {
      set({ setup: null, setupError: e instanceof Error ? e.message : String(e) });
    }
  },
  async train() {
    const s = get();
    const corpus = corpusFromValue(s.corpus);
    if (!corpus) {
      set({ error: `unknown data choice "${s.corpus}"` });
      return;
    }
    set({ running: true, stopping: false, stopped: null, error: null, result: null, history: [], savedId: null, progress: { stage: 'starting', done: 0, total: 0 } });
    const batch = progressBatcher((epochs, progress) => set((st) => ({ progress, history: epochs.length ? [...st.history, ...epochs] : st.history })));
    const job = compute().start('probeTrain', {
      model: s.model, appBase: appBase(), corpus, sigma: s.sigma, tap: s.tap, head: s.head, noiseSeed: s.noiseSeed,
      fit: { epochs: s.epochs, learningRate: s.learningRate, batchSize: s.batchSize, seed: s.seed },
      maxClips: s.maxClips > 0 ? s.maxClips : undefined,
    }, {
      onProgress: (p) => batch.push(p),
    });
    jobId = job.id;
    try {
      const result = await job.result;
      batch.flush();
      const stopped = result.stopReason === 'cancelled' ? { epochs: result.epochs.length, during: 'training', scored: true } : null;
      set({ result, resultCorpus: s.corpus, running: false, stopping: false, progress: null, stopped });
    } catch (e) {
      const during = get().progress?.stage ?? 'starting';
      batch.flush();
      if (e instanceof CancelledError) set({ running: false, stopping: false, progress: null, stopped: { epochs: get().history.length, during, scored: false } });
      else set({ running: false, stopping: false, progress: null, error: e instanceof Error ? e.message : String(e) });
    } finally {
      jobId = null;
    }
  },
  stop() {
    if (jobId !== null) {
      compute().cancel(jobId);
      set({ stopping: true });
    }
  },
  async save(name) {
    const r = get().result;
    if (!r) return;
    const { probe, ...figures } = r;
    const record: ProbeRecord = { id: newRecordId(), name: name.trim() || defaultProbeName(r), savedAt: new Date().toISOString(), files: probe, result: figures, corpus: get().resultCorpus ?? undefined };
    try {
      await probeRecords.put(record);
      set({ savedId: record.id, error: null });
      await get().refreshSaved();
    } catch (e) {
      set({ error: e instanceof Error ? e.message : String(e) });
    }
  },
  async refreshSaved() {
    try {
      set({ saved: (await probeRecords.list()).sort((a, b) => b.savedAt.localeCompare(a.savedAt)) });
    } catch (e) {
      set({ error: `saved probes could not be read (${e instanceof Error ? e.message : String(e)})` });
    }
  },
}));

export function defaultProbeName(r: Pick<ProbeTrainResult, 'provenance'>): string {
  const p = r.provenance;
  return `${p.head.toUpperCase()} · ${p.model} · sigma ${p.sigma} · ${p.tap}`;
}

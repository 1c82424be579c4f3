// Sweep page slice: the sweep's settings, the running job (cells done of planned, time left),
// the results as saved in IndexedDB after every cell, and the session record that makes a
// reload resume an unfinished sweep.
import { create } from 'zustand';
import { CancelledError } from '../../../common/errors.ts';
import type { Progress } from '../../../common/progress.ts';
import { asLabProgress } from '../../../compute/messages/lab-common.ts';
import type { SweepRunParams } from '../../../compute/messages/sweep-run.ts';
import { DEFAULT_SIGMAS, SWEEP_EPOCHS, type Stage, type SweepResults } from '../../../sweep/types.ts';
import { IdbResultsStore } from '../../../sweep/store.ts';
import type { HeadKind } from '../../../probes/heads/types.ts';
import { compute } from '../../compute.ts';
import { appBase } from '../experiment/app-base.ts';
import { corpusFromValue, corpusValue, DEFAULT_CORPUS_VALUE } from '../experiment/corpus-ref.ts';
import { sweepSession, type SweepSession } from '../experiment/lab-records.ts';
import { progressBatcher } from '../experiment/progress-batcher.ts';
import { parseSweepResults } from './sweep-import.ts';

export interface SweepForm {
  model: string;
  corpus: string;
  control: boolean;
  baseline: boolean;
  sigmas: string;
  stages: Stage[];
  heads: HeadKind[];
  epochs: number;
  maxClips: number;
  noiseSeed: number;
  probeSeed: number;
}

export interface SweepState extends SweepForm {
  session: SweepSession | null;
  results: SweepResults | null;
  running: boolean;
  progress: Progress | null;
  cells: { done: number; planned: number } | null;
  /** Cells this run skipped because they were already done (they take no time). */
  skipped: number;
  startedAtMs: number;
  message: string | null;
  error: string | null;
  set(patch: Partial<SweepForm>): void;
  init(): Promise<void>;
  start(): Promise<void>;
  resume(): Promise<void>;
  stop(): void;
  /** Shows results from a file: this page's JSON export or `diffpir sweep --out` results. */
  importResults(file: File): Promise<void>;
}

export function parseSigmas(text: string): number[] {
  const values = text.split(/[\s,;]+/).filter(Boolean).map(Number);
  if (values.length === 0 || values.some((v) => !Number.isFinite(v) || v < 0 || v > 1)) {
    throw new Error(`sigmas "${text}": give numbers in [0, 1] separated by commas`);
  }
  return [...new Set(values)].sort((a, b) => a - b);
}

let jobId: number | null = null;


export const useSweep = create<SweepState>()((set, get) => {
  const reload = async (key: string) => {
    const stored = (await new IdbResultsStore(key).load()) as SweepResults | undefined;
    if (stored) set({ results: stored });
  };

  const run = async (session: SweepSession) => {
    await sweepSession.put(session);
    set({ session, running: true, error: null, progress: { stage: 'starting', done: 0, total: 0 }, skipped: 0, startedAtMs: performance.now(), cells: null });
    // Steps inside a cell can come many times a second: show the latest at most every 200 ms.
    const steps = progressBatcher((_, progress) => set({ progress }));
    let reloadTimer: ReturnType<typeof setTimeout> | null = null;
    let skipped = 0;
    const job = compute().start('sweepRun', { ...session.params, appBase: appBase() }, {
      onProgress: (p) => {
        const lp = asLabProgress(p);
        if (!lp.cell) return steps.push(p);
        if (lp.cellSkipped) skipped++;
        set({ cells: lp.cells ?? null, skipped });
        reloadTimer ??= setTimeout(() => { reloadTimer = null; void reload(session.params.key); }, 200);
      },
    });
    jobId = job.id;
    try {
      const results = await job.result.finally(() => steps.flush());
      if (reloadTimer) clearTimeout(reloadTimer);
      const finished: SweepSession = { ...session, status: 'finished' };
      await sweepSession.put(finished);
      set({ results, running: false, progress: null, session: finished, message: 'The sweep is complete.' });
    } catch (e) {
      const stopped = e instanceof CancelledError;
      const next: SweepSession = { ...session, status: stopped ? 'stopped' : 'failed', message: e instanceof Error ? e.message : String(e) };
      await sweepSession.put(next).catch(() => undefined);
      set({ running: false, progress: null, session: next, error: stopped ? null : next.message ?? null, message: stopped ? 'Stopped; the cells done so far are kept. Resume continues from there.' : null });
      await reload(session.params.key).catch(() => undefined);
    } finally {
      jobId = null;
    }
  };

  return {
    model: 'random-init:tiny',
    corpus: DEFAULT_CORPUS_VALUE,
    control: true,
    baseline: true,
    sigmas: DEFAULT_SIGMAS.join(', '),
    stages: [1, 2, 3],
    heads: ['mlp', 'cnn', 'crnn', 'attention'],
    epochs: SWEEP_EPOCHS,
    maxClips: 0,
    noiseSeed: 0,
    probeSeed: 1,
    session: null,
    results: null,
    running: false,
    progress: null,
    cells: null,
    skipped: 0,
    startedAtMs: 0,
    message: null,
    error: null,
    set(patch) {
      set(patch);
    },
    async init() {
      if (get().running) return;
      try {
        const session = await sweepSession.get();
        if (!session) return;
        const p = session.params;
        set({
          session, model: p.model, corpus: corpusValue(p.corpus), control: p.control, baseline: p.baseline,
          sigmas: (p.settings.sigmas ?? DEFAULT_SIGMAS).join(', '), stages: p.settings.stages ?? [1, 2, 3],
          heads: p.settings.heads ?? get().heads, epochs: p.settings.fit?.epochs ?? SWEEP_EPOCHS, maxClips: p.settings.maxClips ?? 0,
          noiseSeed: p.settings.noiseSeed ?? 0, probeSeed: p.settings.probeSeed ?? 1,
        });
        await reload(p.key);
        if (session.status === 'running') {
          const n = get().results?.cells.length ?? 0;
          set({ message: `Resuming the sweep started ${session.startedAt.slice(0, 16).replace('T', ' ')} after a reload: ${n} cells were already done and are kept.` });
          await run(session);
        }
      } catch (e) {
        set({ error: `the last sweep could not be read (${e instanceof Error ? e.message : String(e)})` });
      }
    },
    async start() {
      const s = get();
      try {
        const corpus = corpusFromValue(s.corpus);
        if (!corpus) throw new Error(`unknown data choice "${s.corpus}"`);
        const params: Omit<SweepRunParams, 'appBase'> = {
          key: `sweep-${new Date().toISOString()}`, model: s.model, control: s.control, baseline: s.baseline, corpus,
          settings: {
            sigmas: parseSigmas(s.sigmas), stages: [...s.stages].sort(), heads: s.heads, noiseSeed: s.noiseSeed, probeSeed: s.probeSeed,
            fit: { epochs: s.epochs }, maxClips: s.maxClips > 0 ? s.maxClips : undefined,
          },
        };
        set({ results: null, message: null });
        await run({ params, status: 'running', startedAt: new Date().toISOString() });
      } catch (e) {
        set({ error: e instanceof Error ? e.message : String(e) });
      }
    },
    async resume() {
      const session = get().session;
      if (!session || get().running) return;
      set({ message: null });
      await run({ ...session, status: 'running' });
    },
    stop() {
      if (jobId !== null) compute().cancel(jobId);
    },
    async importResults(file) {
      if (get().running) return;
      try {
        const results = parseSweepResults(await file.text(), file.name);
        set({ results, error: null, message: `Showing ${file.name}: ${results.cells.length} cells of a sweep of ${results.subject.id} on ${results.corpus.id} (imported; not resumable here).` });
      } catch (e) {
        set({ error: e instanceof Error ? e.message : String(e) });
      }
    },
  };
});

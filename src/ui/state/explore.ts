// Explore slice: the view (model, clip, sigma, tap, seed, window; mirrored in the URL), the
// model's diagram info, the latest view from the worker (debounced: dragging sigma sends one
// request per pause, and a newer request cancels the older one), and the corpus projection
// for the same (sigma, tap), kept in step once the user has asked for it.
import { create } from 'zustand';
import { CancelledError } from '../../common/errors.ts';
import type { Progress } from '../../common/progress.ts';
import type { ExploreResult, ModelInfoResult } from '../../compute/messages/explore.ts';
import type { ProjectionResult } from '../../compute/messages/projection.ts';
import { parseClipRef, parseModelRef } from '../../explore/refs.ts';
import { browserUploadStore } from '../../store/upload-store.ts';
import { compute } from '../compute.ts';
import { demoWavBytes } from '../demo/demo-clip.ts';
import { exploreViewParams, parseExploreView, type ExploreView } from '../pages/explore/explore-url.ts';
import { setViewParams } from '../url-state.ts';
import { messageOf, modelsBase } from './lab-locations.ts';

export interface JobState<T> {
  running: boolean;
  progress: Progress | null;
  error: string | null;
  result: T | null;
}

export interface ExploreState extends ExploreView {
  info: ModelInfoResult | null;
  infoError: string | null;
  view: JobState<ExploreResult>;
  projection: JobState<ProjectionResult> & { key: string | null; auto: boolean; corpus: string | null };
  uploads: { key: string; name: string }[];
  uploadError: string | null;
  /** Sets the view (URL updated at once, the worker asked after a short pause). */
  setView(v: Partial<ExploreView>): void;
  /** Starts the page with `defaultModel` unless the URL names one. */
  start(defaultModel: string): void;
  upload(file: File): Promise<void>;
  setProjectionCorpus(id: string | null): void;
  runProjection(): void;
  cancelView(): void;
  cancelProjection(): void;
}

const idle = <T>(): JobState<T> => ({ running: false, progress: null, error: null, result: null });
let viewJob: number | null = null;
let projJob: number | null = null;
let infoFor: string | null = null;
let timer: ReturnType<typeof setTimeout> | undefined;
let demo: Uint8Array | undefined;

const projectionKey = (s: ExploreState) => (s.model && s.tap && s.projection.corpus ? [s.model, s.projection.corpus, s.sigma, s.tap, s.seed].join('|') : null);

export const useExplore = create<ExploreState>()((set, get) => {
  const writeUrl = () => {
    const s = get();
    setViewParams(exploreViewParams({ model: s.model, clip: s.clip, sigma: s.sigma, tap: s.tap, seed: s.seed, window: s.window }));
  };

  const loadInfo = async (model: string) => {
    if (infoFor === model) return;
    infoFor = model;
    const ref = parseModelRef(model, modelsBase());
    if (!ref) return;
    set({ info: null, infoError: null });
    try {
      const info = await compute().request('modelInfo', { model: ref });
      if (get().model !== model) return;
      const names = new Set(info.taps.map((t) => t.name));
      const tap = get().tap && names.has(get().tap!) ? get().tap : info.sites.bottleneck[Math.min(1, info.sites.bottleneck.length - 1)];
      set({ info, tap });
      writeUrl();
      schedule(0);
    } catch (e) {
      infoFor = null;
      if (get().model === model) set({ infoError: messageOf(e) });
    }
  };

  const runView = async () => {
    const s = get();
    if (!s.model || !s.info) return;
    const model = parseModelRef(s.model, modelsBase());
    const clip = parseClipRef(s.clip);
    if (!model || !clip) return;
    if (viewJob !== null) compute().cancel(viewJob);
    // A running projection would hold the worker's queue; it runs again after this view when it follows the view.
    if (projJob !== null && get().projection.auto) {
      compute().cancel(projJob);
      projJob = null;
      set((x) => ({ projection: { ...x.projection, running: false, progress: null } }));
    }
    const demoBytes = clip.kind === 'demo' ? (demo ??= demoWavBytes()).slice().buffer : undefined;
    const job = compute().start('explore', { model, clip, demoBytes, sigma: s.sigma, tap: s.tap, seed: s.seed, window: s.window, topK: 16 }, {
      onProgress: (progress) => viewJob === job.id && set((x) => ({ view: { ...x.view, progress } })),
    });
    viewJob = job.id;
    set((x) => ({ view: { ...x.view, running: true, progress: null, error: null } }));
    try {
      const result = await job.result;
      if (viewJob !== job.id) return;
      set({ view: { running: false, progress: null, error: null, result } });
      if (get().projection.auto && projectionKey(get()) !== get().projection.key) get().runProjection();
    } catch (e) {
      if (viewJob !== job.id) return;
      const cancelled = e instanceof CancelledError;
      set((x) => ({ view: { ...x.view, running: false, progress: null, error: cancelled ? null : messageOf(e) } }));
    } finally {
      if (viewJob === job.id) viewJob = null;
    }
  };

  const schedule = (ms = 150) => {
    clearTimeout(timer);
    timer = setTimeout(() => void runView(), ms);
  };

  const initial = parseExploreView(location.search);
  return {
    ...initial,
    info: null,
    infoError: null,
    view: idle(),
    projection: { ...idle(), key: null, auto: false, corpus: null },
    uploads: [],
    uploadError: null,
    setView(v) {
      const before = get().model;
      set(v);
      writeUrl();
      if (v.model && v.model !== before) void loadInfo(v.model);
      else schedule();
    },
    start(defaultModel) {
      if (!get().model) set({ model: defaultModel });
      writeUrl();
      void browserUploadStore().list().then((uploads) => set({ uploads })).catch(() => undefined);
      void loadInfo(get().model!);
      if (get().info) schedule(0);
    },
    async upload(file) {
      set({ uploadError: null });
      try {
        const u = await browserUploadStore().put(file.name, new Uint8Array(await file.arrayBuffer()));
        set((s) => ({ uploads: s.uploads.some((x) => x.key === u.key) ? s.uploads : [...s.uploads, { key: u.key, name: u.name }] }));
        get().setView({ clip: `upload:${u.key}`, window: 0 });
      } catch (e) {
        set({ uploadError: `${file.name}: ${messageOf(e)}` });
      }
    },
    setProjectionCorpus(corpus) {
      set((s) => ({ projection: { ...s.projection, corpus } }));
    },
    runProjection() {
      const s = get();
      const key = projectionKey(s);
      const model = s.model ? parseModelRef(s.model, modelsBase()) : null;
      if (!key || !model || !s.tap || !s.projection.corpus) return;
      if (projJob !== null) compute().cancel(projJob);
      const job = compute().start('projection', { model, corpus: s.projection.corpus, sigma: s.sigma, tap: s.tap, seed: s.seed }, {
        onProgress: (progress) => projJob === job.id && set((x) => ({ projection: { ...x.projection, progress } })),
      });
      projJob = job.id;
      set((x) => ({ projection: { ...x.projection, running: true, progress: null, error: null, auto: true } }));
      job.result.then(
        (result) => projJob === job.id && set((x) => ({ projection: { ...x.projection, running: false, progress: null, result, key } })),
        (e) => {
          if (projJob !== job.id) return;
          const cancelled = e instanceof CancelledError;
          set((x) => ({ projection: { ...x.projection, running: false, progress: null, error: cancelled ? null : messageOf(e), auto: cancelled ? false : x.projection.auto } }));
        },
      ).finally(() => {
        if (projJob === job.id) projJob = null;
      });
    },
    cancelView() {
      if (viewJob !== null) compute().cancel(viewJob);
    },
    cancelProjection() {
      if (projJob !== null) compute().cancel(projJob);
    },
  };
});

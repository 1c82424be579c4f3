// Corpus slice (Data page, and the clips the Explore page offers): the corpora stored in this
// browser, rendering the built-in one in the worker (progress, cancel; a reload resumes from
// the clips already stored), imported corpora (manifest stored, audio kept in memory for this
// visit: the folder is picked again after a reload), thumbnails and deletion.
import { create } from 'zustand';
import type { Progress } from '../../common/progress.ts';
import type { CorpusRenderResult } from '../../compute/messages/corpus.ts';
import type { CorpusManifest } from '../../corpus/types.ts';
import { builtinCorpusId, browserCorpusStore, type CorpusListing } from '../../store/corpus-store.ts';
import { importIrmasFiles, importOpenPirFiles, type PickedFile } from '../../store/import-files.ts';
import { isQuotaError } from '../../store/quota.ts';
import { compute } from '../compute.ts';
import { bankBase, messageOf } from './lab-locations.ts';

export const CORPUS_SEED = 1;
export type PresetName = 'tiny' | 'small' | 'full';

export interface RenderJob {
  running: boolean;
  progress: Progress | null;
  error: string | null;
  /** True when the error is a full storage quota (what was rendered is kept). */
  quota: boolean;
  result: CorpusRenderResult | null;
  startedAt: number;
}

export interface CorpusState {
  corpora: CorpusListing[];
  loaded: boolean;
  listError: string | null;
  preset: PresetName;
  job: RenderJob;
  importing: boolean;
  importError: string | null;
  /** Audio of imported corpora for this visit: corpus id -> clip id -> file. */
  importedAudio: Record<string, Record<string, Blob>>;
  refresh(): Promise<void>;
  setPreset(p: PresetName): void;
  /** On the first visit with nothing rendered, starts rendering the chosen preset (unless ?autorender=0). */
  autoRender(): void;
  render(opts?: { perClassLimit?: number }): Promise<void>;
  cancel(): void;
  importIrmas(files: PickedFile[], folder: string): Promise<void>;
  importOpenPir(json: File, files: PickedFile[], folder: string): Promise<void>;
  remove(id: string): Promise<void>;
}

const IDLE: RenderJob = { running: false, progress: null, error: null, quota: false, result: null, startedAt: 0 };
let renderId: number | null = null;
let autoTried = false;

function audioMap(manifest: CorpusManifest, files: PickedFile[]): Record<string, Blob> {
  const byPath = new Map(files.map((f) => [f.path, f.file]));
  const out: Record<string, Blob> = {};
  for (const c of manifest.clips) {
    const b = byPath.get(c.file);
    if (b) out[c.id] = b;
  }
  return out;
}

export const useCorpus = create<CorpusState>()((set, get) => ({
  corpora: [],
  loaded: false,
  listError: null,
  preset: (new URLSearchParams(location.search).get('preset') as PresetName | null) ?? 'small',
  job: IDLE,
  importing: false,
  importError: null,
  importedAudio: {},
  async refresh() {
    try {
      set({ corpora: await browserCorpusStore().list(), loaded: true, listError: null });
    } catch (e) {
      set({ loaded: true, listError: `stored corpora could not be read (${messageOf(e)})` });
    }
  },
  setPreset(preset) {
    set({ preset });
  },
  autoRender() {
    const s = get();
    if (autoTried || !s.loaded || s.job.running) return;
    autoTried = true;
    if (new URLSearchParams(location.search).get('autorender') === '0') return;
    if (!s.corpora.some((c) => c.id.startsWith('builtin:'))) void s.render();
  },
  async render(opts = {}) {
    if (get().job.running) return;
    const { preset } = get();
    set({ job: { ...IDLE, running: true, startedAt: performance.now() } });
    let lastRefresh = 0;
    const job = compute().start('corpusRender', { preset, seed: CORPUS_SEED, bankBase: bankBase(), perClassLimit: opts.perClassLimit }, {
      onProgress: (progress) => {
        set((s) => ({ job: { ...s.job, progress } }));
        // Show clips as they are stored (at most every 2 s).
        if (progress.stage === 'rendering clips' && performance.now() - lastRefresh > 2000) {
          lastRefresh = performance.now();
          void get().refresh();
        }
      },
    });
    renderId = job.id;
    try {
      const result = await job.result;
      set((s) => ({ job: { ...s.job, running: false, result, progress: null } }));
    } catch (e) {
      set((s) => ({ job: { ...s.job, running: false, progress: null, error: messageOf(e), quota: isQuotaError(e) } }));
    } finally {
      renderId = null;
      await get().refresh();
    }
  },
  cancel() {
    if (renderId !== null) compute().cancel(renderId);
  },
  async importIrmas(files, folder) {
    set({ importing: true, importError: null });
    try {
      const manifest = await importIrmasFiles(files, folder);
      const id = `irmas:${folder}`;
      await browserCorpusStore().saveManifest(id, manifest);
      set((s) => ({ importedAudio: { ...s.importedAudio, [id]: audioMap(manifest, files) } }));
      await get().refresh();
    } catch (e) {
      set({ importError: messageOf(e) });
    } finally {
      set({ importing: false });
    }
  },
  async importOpenPir(json, files, folder) {
    set({ importing: true, importError: null });
    try {
      const manifest = await importOpenPirFiles(json, files, folder);
      const id = `openpir:${json.name.replace(/\.json$/i, '')}`;
      await browserCorpusStore().saveManifest(id, manifest);
      set((s) => ({ importedAudio: { ...s.importedAudio, [id]: audioMap(manifest, files) } }));
      await get().refresh();
    } catch (e) {
      set({ importError: messageOf(e) });
    } finally {
      set({ importing: false });
    }
  },
  async remove(id) {
    await browserCorpusStore().delete(id);
    await get().refresh();
  },
}));

/** The stored built-in corpus of a preset, if any. */
export function builtinListing(corpora: CorpusListing[], preset: string): CorpusListing | undefined {
  return corpora.find((c) => c.id === builtinCorpusId(preset, CORPUS_SEED));
}

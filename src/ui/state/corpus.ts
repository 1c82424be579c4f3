// Corpus slice (Data page, and the clips the Explore page offers): the corpora stored in this
// browser, rendering the built-in one in the worker (progress, cancel; a reload resumes from
// the clips already stored), imported corpora (manifest stored, audio kept in memory for this
// visit: the folder is picked again after a reload), thumbnails and deletion. A first visit
// (nothing built-in stored) renders the `tiny` preset at once: seconds, not the hour `small` takes.
import { create } from 'zustand';
import { CancelledError } from '../../common/errors.ts';
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
  /** The preset being (or last) rendered. */
  preset: PresetName | null;
  /** The last clip progress (the status line keeps it while a sound bank loads). */
  clips: Progress | null;
  progress: Progress | null;
  error: string | null;
  /** True when the user stopped it (not an error: the clips stored so far are kept). */
  stopped: boolean;
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
  /** True once the user (or the URL) chose the preset; else it follows what is stored. */
  presetChosen: boolean;
  job: RenderJob;
  importing: boolean;
  importError: string | null;
  /** Audio of imported corpora for this visit: corpus id -> clip id -> file. */
  importedAudio: Record<string, Record<string, Blob>>;
  refresh(): Promise<void>;
  setPreset(p: PresetName): void;
  /** On the first visit with nothing built-in stored, renders `tiny` (unless ?autorender=0 or the URL chose a bigger preset). */
  autoRender(): void;
  /** Renders the chosen preset; a render of another preset in progress is stopped first (its clips are kept). */
  render(opts?: { perClassLimit?: number }): Promise<void>;
  cancel(): void;
  importIrmas(files: PickedFile[], folder: string): Promise<void>;
  importOpenPir(json: File, files: PickedFile[], folder: string): Promise<void>;
  remove(id: string): Promise<void>;
}

const IDLE: RenderJob = { running: false, preset: null, clips: null, progress: null, stopped: false, error: null, quota: false, result: null, startedAt: 0 };
let renderId: number | null = null;
let running: Promise<void> | null = null;
let autoTried = false;
const PRESETS: PresetName[] = ['tiny', 'small', 'full'];
const urlPreset = (): PresetName | null => {
  const p = new URLSearchParams(location.search).get('preset');
  return PRESETS.includes(p as PresetName) ? (p as PresetName) : null;
};

/** The biggest built-in preset stored here, else tiny. */
function storedPreset(corpora: CorpusListing[]): PresetName {
  return [...PRESETS].reverse().find((p) => builtinListing(corpora, p)) ?? 'tiny';
}

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
  preset: urlPreset() ?? 'tiny',
  presetChosen: urlPreset() !== null,
  job: IDLE,
  importing: false,
  importError: null,
  importedAudio: {},
  async refresh() {
    try {
      const corpora = await browserCorpusStore().list();
      set((s) => ({ corpora, loaded: true, listError: null, preset: s.presetChosen ? s.preset : storedPreset(corpora) }));
    } catch (e) {
      set({ loaded: true, listError: `stored corpora could not be read (${messageOf(e)})` });
    }
  },
  setPreset(preset) {
    set({ preset, presetChosen: true });
  },
  autoRender() {
    const s = get();
    if (autoTried || !s.loaded || s.job.running) return;
    autoTried = true;
    if (new URLSearchParams(location.search).get('autorender') === '0') return;
    if (s.corpora.some((c) => c.id.startsWith('builtin:'))) return;
    if (s.presetChosen && s.preset !== 'tiny') return; // a bigger preset is rendered only when asked
    set({ preset: 'tiny' });
    void s.render();
  },
  async render(opts = {}) {
    if (get().job.running) {
      get().cancel();
      await running;
    }
    const { preset } = get();
    let finish = () => {};
    running = new Promise<void>((resolve) => (finish = resolve));
    set({ job: { ...IDLE, preset, running: true, startedAt: performance.now() } });
    let lastRefresh = 0;
    const job = compute().start('corpusRender', { preset, seed: CORPUS_SEED, bankBase: bankBase(), perClassLimit: opts.perClassLimit }, {
      onProgress: (progress) => {
        set((s) => ({ job: { ...s.job, progress, clips: progress.stage === 'rendering clips' ? progress : s.job.clips } }));
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
      const stopped = e instanceof CancelledError;
      set((s) => ({ job: { ...s.job, running: false, progress: null, stopped, error: stopped ? null : messageOf(e), quota: isQuotaError(e) } }));
    } finally {
      renderId = null;
      await get().refresh();
      finish();
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

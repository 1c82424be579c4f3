// Models slice: the shipped models (models/index.json, made by scripts/vite/models.ts), the
// user's models in IndexedDB, importing one (converted in the worker, with progress and cancel)
// and deleting one. The Explore and Models pages pick models from here.
import { create } from 'zustand';
import type { Progress } from '../../common/progress.ts';
import type { ModelImportResult } from '../../compute/messages/models.ts';
import { browserModelStore, type UserModelInfo } from '../../store/model-store.ts';
import { compute } from '../compute.ts';
import { controlId, controlLabel } from '../naming.ts';
import { messageOf, modelsBase } from './lab-locations.ts';

export interface ShippedModel {
  name: string;
  files: string[];
  card: string | null;
  config: Record<string, unknown> | null;
}

export interface ModelOption {
  value: string;
  label: string;
}

export interface ModelsState {
  /** Shipped U-Nets. */
  shipped: ShippedModel[];
  /** Other shipped folders with a model.json (the Han CNN baseline). */
  baselines: ShippedModel[];
  user: UserModelInfo[];
  loaded: boolean;
  error: string | null;
  importing: boolean;
  importProgress: Progress | null;
  importError: string | null;
  lastImport: ModelImportResult | null;
  refresh(): Promise<void>;
  importFiles(files: { path: string; file: Blob }[]): Promise<void>;
  cancelImport(): void;
  remove(id: string): Promise<void>;
}

/** A shipped folder holding a U-Net (its config.json has the UNet settings, bare or under "unet"). */
export function isUNetFolder(m: Pick<ShippedModel, 'config'>): boolean {
  return m.config !== null && ('unet' in m.config || 'channels' in m.config);
}

/** The quick random-weights U-Net offered next to the shipped and user models (not a control). */
export const TINY_RANDOM: ModelOption = { value: 'random-init:tiny', label: 'random-init:tiny (4-16 channels, random weights: fast)' };

/** The controls of the shipped models (one name everywhere: see ui/naming.ts). */
export function controlOptions(shipped: Pick<ShippedModel, 'name'>[]): ModelOption[] {
  return shipped.map((m) => ({ value: controlId(m.name), label: controlLabel(m.name) }));
}

export function modelOptions(s: Pick<ModelsState, 'shipped' | 'user'>): ModelOption[] {
  return [
    ...s.shipped.map((m) => ({ value: m.name, label: `${m.name} (shipped)` })),
    ...controlOptions(s.shipped),
    TINY_RANDOM,
    ...s.user.map((m) => ({ value: `user:${m.id}`, label: `${m.name} (yours, ${m.origin})` })),
  ];
}

/** The shipped U-Nets a page starts with, best first: Model A (the paper's regime fine-tuned on the
 * lab's instrument clips to its stopping rule), then the first lab model. */
export const DEFAULT_MODEL_PREFERENCE = ['model-a', 'student-v1'] as const;

/** The first of DEFAULT_MODEL_PREFERENCE that is shipped, else the first shipped name. */
export function preferredModel(names: readonly string[]): string | undefined {
  return DEFAULT_MODEL_PREFERENCE.find((n) => names.includes(n)) ?? names[0];
}

/** The preferred shipped model (preferredModel), else random-init. */
export function defaultModel(shipped: Pick<ShippedModel, 'name'>[]): string {
  return preferredModel(shipped.map((m) => m.name)) ?? 'random-init';
}

let importJob: number | null = null;

export const useModels = create<ModelsState>()((set, get) => ({
  shipped: [],
  baselines: [],
  user: [],
  loaded: false,
  error: null,
  importing: false,
  importProgress: null,
  importError: null,
  lastImport: null,
  async refresh() {
    let all: ShippedModel[] = [];
    let error: string | null = null;
    try {
      const res = await fetch(new URL('index.json', modelsBase()));
      if (res.ok) all = ((await res.json()) as { models?: ShippedModel[] }).models ?? [];
      else if (res.status !== 404) error = `models/index.json: HTTP ${res.status}`;
    } catch (e) {
      error = `models/index.json could not be read (${messageOf(e)})`;
    }
    let user: UserModelInfo[] = [];
    try {
      user = await browserModelStore().list();
    } catch (e) {
      error = `your stored models could not be listed (${messageOf(e)})`;
    }
    set({ shipped: all.filter(isUNetFolder), baselines: all.filter((m) => !isUNetFolder(m)), user, loaded: true, error });
  },
  async importFiles(files) {
    if (get().importing) return;
    set({ importing: true, importProgress: null, importError: null, lastImport: null });
    const job = compute().start('modelImport', { files }, { onProgress: (importProgress) => set({ importProgress }) });
    importJob = job.id;
    try {
      const r = await job.result;
      set({ lastImport: r });
      await get().refresh();
    } catch (e) {
      set({ importError: messageOf(e) });
    } finally {
      importJob = null;
      set({ importing: false, importProgress: null });
    }
  },
  cancelImport() {
    if (importJob !== null) compute().cancel(importJob);
  },
  async remove(id) {
    await browserModelStore().delete(id);
    await get().refresh();
  },
}));

// What the experiment pages can choose from: U-Net models (the app's models/index.json, the
// random-init configs, and the user's stored models with their controls) and corpora (the synthetic tone stand-ins, plus corpora the Data page
// stored in IndexedDB). Loaded once, refreshed on demand.
import { create } from 'zustand';
import { browserCorpusStore } from '../../../store/corpus-store.ts';
import { browserModelStore } from '../../../store/model-store.ts';
import { isUNetFolder } from '../../state/models.ts';
import { controlLabel } from '../../naming.ts';
import { corpusLabel, corpusValue } from './corpus-ref.ts';

export interface Choice {
  value: string;
  label: string;
}

export interface LabOptionsState {
  models: Choice[];
  corpora: Choice[];
  /** Names of shipped model folders (models/index.json). */
  shipped: string[];
  loaded: boolean;
  error: string | null;
  load(force?: boolean): Promise<void>;
}

const RANDOM_MODELS: Choice[] = [
  { value: 'random-init:tiny', label: 'random-init:tiny (4-16 channels, random weights: fast)' },
  { value: 'random-init:student', label: 'random-init:student (student-size U-Net, random weights)' },
];

async function shippedModels(): Promise<string[]> {
  try {
    const res = await fetch(new URL('models/index.json', document.baseURI));
    if (!res.ok) return [];
    const index = (await res.json()) as { models?: { name: string; config: Record<string, unknown> | null }[] };
    return (index.models ?? []).filter(isUNetFolder).map((m) => m.name);
  } catch {
    return [];
  }
}

export const useLabOptions = create<LabOptionsState>()((set, get) => ({
  models: RANDOM_MODELS,
  corpora: [],
  shipped: [],
  loaded: false,
  error: null,
  async load(force = false) {
    if (get().loaded && !force) return;
    const shipped = await shippedModels();
    const models = [
      ...shipped.map((n) => ({ value: n, label: `${n} (shipped)` })),
      ...shipped.map((n) => ({ value: `random-init:${n}`, label: controlLabel(n) })),
      ...RANDOM_MODELS,
    ];
    const tones = ['tiny', 'small'].map((preset) => {
      const ref = { kind: 'tones' as const, preset, seed: 1 };
      return { value: corpusValue(ref), label: corpusLabel(ref) };
    });
    let stored: Choice[] = [];
    let error: string | null = null;
    try {
      stored = (await browserCorpusStore().list()).map(({ id, manifest }) => {
        const ref = { kind: 'stored' as const, id };
        return { value: corpusValue(ref), label: corpusLabel(ref, { clips: manifest.clips.length, source: manifest.source }) };
      });
    } catch (e) {
      error = `stored corpora could not be listed (${e instanceof Error ? e.message : String(e)})`;
    }
    try {
      for (const m of await browserModelStore().list()) {
        models.push({ value: `user:${m.id}`, label: `${m.name} (yours, ${m.origin})` });
        models.push({ value: `random-init:user:${m.id}`, label: controlLabel(m.name) });
      }
    } catch (e) {
      error = `your stored models could not be listed (${e instanceof Error ? e.message : String(e)})`;
    }
    set({ models, shipped, corpora: [...stored, ...tones], loaded: true, error });
  },
}));

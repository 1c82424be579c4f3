// Compare page slice: the saved probes with figures and the Han CNNs (trained here, or the
// shipped one scored here) to show side by side; training the Han CNN in the worker.
import { create } from 'zustand';
import type { Progress } from '../../../common/progress.ts';
import type { EpochReport } from '../../../probes/fit.ts';
import { compute } from '../../compute.ts';
import { corpusFromValue, DEFAULT_CORPUS_VALUE } from '../experiment/corpus-ref.ts';
import { hanRecords, newRecordId, probeRecords, type HanRecord, type ProbeRecord } from '../experiment/lab-records.ts';
import { progressBatcher } from '../experiment/progress-batcher.ts';
import { fetchShippedHan, hanFromFiles } from './shipped-han.ts';

export interface CompareState {
  probes: ProbeRecord[];
  hans: HanRecord[];
  selectedProbes: string[];
  selectedHan: string | null;
  corpus: string;
  epochs: number;
  maxClips: number;
  shippedHan: string | null;
  running: boolean;
  progress: Progress | null;
  history: EpochReport[];
  error: string | null;
  load(): Promise<void>;
  toggleProbe(id: string): void;
  set(patch: Partial<Pick<CompareState, 'selectedHan' | 'corpus' | 'epochs' | 'maxClips'>>): void;
  /** Trains one here, or with `source` ('shipped' or picked files) scores a trained one on the data. */
  trainHan(source?: 'shipped' | File[]): Promise<void>;
  stop(): void;
}

let jobId: number | null = null;

export const useCompare = create<CompareState>()((set, get) => ({
  probes: [],
  hans: [],
  selectedProbes: [],
  selectedHan: null,
  corpus: DEFAULT_CORPUS_VALUE,
  epochs: 30,
  maxClips: 0,
  shippedHan: null,
  running: false,
  progress: null,
  history: [],
  error: null,
  async load() {
    try {
      const probes = (await probeRecords.list()).filter((p) => p.result).sort((a, b) => b.savedAt.localeCompare(a.savedAt));
      const hans = (await hanRecords.list()).sort((a, b) => b.savedAt.localeCompare(a.savedAt));
      const shipped = await fetchShippedHan();
      const st = get();
      const selectedProbes = st.selectedProbes.filter((id) => probes.some((p) => p.id === id));
      set({
        probes, hans, shippedHan: shipped?.name ?? null,
        selectedProbes: selectedProbes.length ? selectedProbes : probes.slice(0, 1).map((p) => p.id),
        selectedHan: st.selectedHan && hans.some((h) => h.id === st.selectedHan) ? st.selectedHan : hans[0]?.id ?? null,
        corpus: st.corpus === DEFAULT_CORPUS_VALUE && probes[0]?.corpus ? probes[0].corpus : st.corpus,
      });
    } catch (e) {
      set({ error: `saved results could not be read (${e instanceof Error ? e.message : String(e)})` });
    }
  },
  toggleProbe(id) {
    const sel = get().selectedProbes;
    set({ selectedProbes: sel.includes(id) ? sel.filter((x) => x !== id) : [...sel, id] });
  },
  set(patch) {
    set(patch);
  },
  async trainHan(source) {
    const s = get();
    const corpus = corpusFromValue(s.corpus);
    if (!corpus) return set({ error: `unknown data choice "${s.corpus}"` });
    set({ running: true, error: null, history: [], progress: { stage: 'starting', done: 0, total: 0 } });
    try {
      const shipped = source === 'shipped' ? await fetchShippedHan() : Array.isArray(source) ? await hanFromFiles(source) : null;
      if (source === 'shipped' && !shipped) throw new Error('the shipped Han CNN could not be fetched');
      const batch = progressBatcher((epochs, progress) => set((st) => ({ progress, history: epochs.length ? [...st.history, ...epochs] : st.history })));
      const job = compute().start('hanTrain', {
        corpus, fit: { epochs: s.epochs }, maxClips: s.maxClips > 0 ? s.maxClips : undefined,
        model: shipped ? { json: shipped.json, weights: shipped.weights } : undefined,
      }, {
        onProgress: (p) => batch.push(p),
      });
      jobId = job.id;
      const { model, ...result } = await job.result.finally(() => batch.flush());
      const record: HanRecord = {
        id: newRecordId(), name: `${shipped ? `Han CNN (${shipped.name})` : 'Han CNN (trained here)'} on ${s.corpus}`,
        savedAt: new Date().toISOString(), files: model, result, corpus: s.corpus,
      };
      await hanRecords.put(record);
      set({ running: false, progress: null, selectedHan: record.id });
      await get().load();
    } catch (e) {
      set({ running: false, progress: null, error: e instanceof Error ? e.message : String(e) });
    } finally {
      jobId = null;
    }
  },
  stop() {
    if (jobId !== null) compute().cancel(jobId);
  },
}));

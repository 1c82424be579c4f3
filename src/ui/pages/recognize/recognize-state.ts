// Recognize page slice: which probe recognizes (the shipped default when present, else a probe
// saved in this browser), the file being recognized, progress, the result and errors.
import { create } from 'zustand';
import type { Progress } from '../../../common/progress.ts';
import type { ModelFilesPayload } from '../../../compute/messages/lab-common.ts';
import type { RecognizeResult } from '../../../compute/messages/recognize.ts';
import { compute } from '../../compute.ts';
import { appBase } from '../experiment/app-base.ts';
import { probeRecords } from '../experiment/lab-records.ts';
import { probeFromFiles } from '../probe/probe-files.ts';
import { demoWavBytes } from '../../demo/demo-clip.ts';
import { factsFromCard, factsFromRecord, type ProbeFacts } from './probe-facts.ts';
import { fetchShippedProbe } from './shipped-probe.ts';

export interface ProbeChoice {
  id: string;
  name: string;
  model: string;
  files: ModelFilesPayload;
  /** Model, data and validation score behind its answers. */
  facts: ProbeFacts;
}

/** The built-in example clip's file name (the Clip page's demo chords). */
export const EXAMPLE_NAME = 'demo-chords.wav';

export interface RecognizeState {
  choices: ProbeChoice[];
  probeId: string | null;
  shippedPresent: boolean | null;
  running: boolean;
  warm: boolean;
  progress: Progress | null;
  result: RecognizeResult | null;
  error: string | null;
  loadChoices(): Promise<void>;
  choose(id: string): void;
  recognizeFile(file: File): Promise<void>;
  /** Recognizes the built-in example clip. */
  recognizeExample(): Promise<void>;
  /** Imports probe files (probe.json + weights.bin), saves them in this browser and selects them. */
  importProbe(files: File[]): Promise<void>;
}

function modelOf(json: string): string {
  try {
    return (JSON.parse(json) as { featureSpec?: { model?: string } }).featureSpec?.model ?? '?';
  } catch {
    return '?';
  }
}

let current: AbortController | null = null;

export const useRecognize = create<RecognizeState>()((set, get) => ({
  choices: [],
  probeId: null,
  shippedPresent: null,
  running: false,
  warm: false,
  progress: null,
  result: null,
  error: null,
  async loadChoices() {
    const [shipped, saved] = await Promise.all([fetchShippedProbe(), probeRecords.list().catch(() => [])]);
    const choices: ProbeChoice[] = [];
    if (shipped) choices.push({ id: 'shipped', name: shipped.name, model: shipped.model, files: shipped, facts: factsFromCard(shipped.card, shipped.json) });
    for (const r of saved.sort((a, b) => b.savedAt.localeCompare(a.savedAt))) {
      choices.push({ id: r.id, name: r.name, model: modelOf(r.files.json), files: r.files, facts: factsFromRecord(r.files.json, r.result, r.corpus) });
    }
    const keep = get().probeId && choices.some((c) => c.id === get().probeId) ? get().probeId : choices[0]?.id ?? null;
    set({ choices, shippedPresent: shipped !== null, probeId: keep });
  },
  choose(id) {
    set({ probeId: id, result: null });
  },
  async importProbe(files) {
    try {
      const record = await probeFromFiles(files);
      await probeRecords.put(record);
      await get().loadChoices();
      set({ probeId: record.id, error: null, result: null });
    } catch (e) {
      set({ error: e instanceof Error ? e.message : String(e) });
    }
  },
  async recognizeExample() {
    await get().recognizeFile(new File([demoWavBytes().slice()], EXAMPLE_NAME, { type: 'audio/wav' }));
  },
  async recognizeFile(file) {
    const probe = get().choices.find((c) => c.id === get().probeId);
    if (!probe) {
      set({ error: 'No probe to recognize with: train one on the Probe page, or import probe files there.' });
      return;
    }
    current?.abort();
    const abort = new AbortController();
    current = abort;
    set({ running: true, error: null, result: null, progress: { stage: get().warm ? 'reading the file' : 'warming up (loading the model)', done: 0, total: 0, detail: file.name } });
    try {
      const bytes = await file.arrayBuffer();
      const result = await compute().request('recognize', {
        bytes, fileName: file.name, appBase: appBase(),
        // The stored weights stay here; the worker gets a copy.
        probe: { name: probe.name, json: probe.files.json, weights: probe.files.weights.slice(0) },
      }, { transfer: [bytes], signal: abort.signal, onProgress: (progress) => current === abort && set({ progress }) });
      if (current === abort) set({ result, running: false, progress: null, warm: true });
    } catch (e) {
      if (current === abort) set({ running: false, progress: null, error: e instanceof Error ? e.message : String(e) });
    }
  },
}));

// Recognize page slice: which probe recognizes (the shipped default when present, else a probe
// saved in this browser) and the Han CNN beside it (shipped-han.ts), and the shipped combination
// of the two when the build has one (shipped-recognizer.ts); the queue of files (one or
// many, or a folder's audio files), each answered by both models in the worker, one after the
// other, with progress and cancel; the answers kept for the session and in IndexedDB for reloads.
import { create } from 'zustand';
import type { HanSummary } from '../../../baseline/summary.ts';
import type { Progress } from '../../../common/progress.ts';
import type { ModelFilesPayload } from '../../../compute/messages/lab-common.ts';
import type { PickedFile } from '../../../store/import-files.ts';
import { compute } from '../../compute.ts';
import { demoWavBytes } from '../../demo/demo-clip.ts';
import { appBase } from '../experiment/app-base.ts';
import { probeRecords, recognizeSession } from '../experiment/lab-records.ts';
import { probeFromFiles } from '../probe/probe-files.ts';
import { audioFilesOf, newJobs, restoreJobs, runQueue, type AnswerKind, type AnswerResult, type FileJob } from './batch.ts';
import { factsFromCard, factsFromRecord, type ProbeFacts } from './probe-facts.ts';
import { fetchHanSummary, RECOGNIZE_HAN_FOLDER } from './shipped-han.ts';
import { fetchShippedProbe, SHIPPED_PROBE_DIR } from './shipped-probe.ts';
import { fetchShippedRecognizer, type ShippedRecognizer } from './shipped-recognizer.ts';

export interface ProbeChoice {
  id: string;
  name: string;
  model: string;
  files: ModelFilesPayload;
  /** Model, data and validation score behind its answers. */
  facts: ProbeFacts;
  /** Its folder's calibration.json (the shipped probe only), or null. */
  calibration: string | null;
  /** Where it comes from, for messages ("models/probe-default"). */
  folder?: string;
}

/** The built-in example clip's file name (the Clip page's demo chords). */
export const EXAMPLE_NAME = 'demo-chords.wav';

export interface RecognizeState {
  choices: ProbeChoice[];
  probeId: string | null;
  shippedPresent: boolean | null;
  /** The Han CNN folder under models/ and its model.json figures (null: not served; undefined: not read yet). */
  hanFolder: string;
  hanFacts: HanSummary | null | undefined;
  /** The shipped combination of the two models (models/recognizer/; null: none in this build; undefined: not read yet). */
  recognizer: ShippedRecognizer | null | undefined;
  /** Why models/recognizer/ could not be read (a malformed combination.json). */
  recognizerError: string | null;
  /** The files of the last queue, with both answers each. */
  jobs: FileJob[];
  running: boolean;
  /** The file (index into jobs) and model being run, and its progress. */
  current: { index: number; kind: AnswerKind; progress: Progress } | null;
  /** Files of a chosen or dropped folder left out because they are not audio. */
  skipped: string[];
  /** Whether the last queue was cancelled. */
  cancelled: boolean;
  warm: boolean;
  /** A page-level problem (importing probe files). */
  error: string | null;
  loadChoices(): Promise<void>;
  choose(id: string): void;
  recognizeFile(file: File): Promise<void>;
  /** Queues these files (a new queue replaces the last one's results). */
  recognizeFiles(files: File[], skipped?: string[]): Promise<void>;
  /** Queues the audio files of a chosen or dropped folder; the others are named as skipped. */
  recognizeFolder(files: PickedFile[]): Promise<void>;
  /** Recognizes the built-in example clip. */
  recognizeExample(): Promise<void>;
  /** Stops the running file and the rest of the queue; finished answers stay. */
  cancel(): void;
  /** Forgets the results (here and in this browser's storage). */
  clear(): void;
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
let restored = false;

/** Saves the queue for reloads; a full quota only loses the copy, never the page's results. */
function save(jobs: FileJob[]): void {
  void recognizeSession.put({ savedAt: new Date().toISOString(), jobs: jobs.slice(0, 200) }).catch(() => undefined);
}

export const useRecognize = create<RecognizeState>()((set, get) => {
  /** Runs one model on one file in the worker. */
  const runOne = async <K extends AnswerKind>(kind: K, file: File, probe: ProbeChoice | undefined, opts: { signal: AbortSignal; onProgress: (p: Progress) => void }): Promise<AnswerResult<K>> => {
    const bytes = await file.arrayBuffer();
    const common = { bytes, fileName: file.name, appBase: appBase() };
    if (kind === 'han') {
      return (await compute().request('recognizeHan', { ...common, folder: get().hanFolder }, { transfer: [bytes], ...opts })) as AnswerResult<K>;
    }
    if (!probe) throw new Error('No probe to recognize with: train one on the Probe page, or import probe files there.');
    return (await compute().request('recognize', {
      ...common,
      // The stored weights stay here; the worker gets a copy.
      probe: { name: probe.name, json: probe.files.json, weights: probe.files.weights.slice(0), calibration: probe.calibration, folder: probe.folder },
    }, { transfer: [bytes], ...opts })) as AnswerResult<K>;
  };

  return {
    choices: [],
    probeId: null,
    shippedPresent: null,
    hanFolder: RECOGNIZE_HAN_FOLDER,
    hanFacts: undefined,
    recognizer: undefined,
    recognizerError: null,
    jobs: [],
    running: false,
    current: null,
    skipped: [],
    cancelled: false,
    warm: false,
    error: null,
    async loadChoices() {
      if (!restored) {
        restored = true;
        void recognizeSession.get().then((s) => {
          if (s && get().jobs.length === 0 && !get().running) set({ jobs: restoreJobs(s.jobs) });
        }).catch(() => undefined);
      }
      if (get().hanFacts === undefined) void fetchHanSummary(get().hanFolder).then((hanFacts) => set({ hanFacts }));
      if (get().recognizer === undefined) {
        void fetchShippedRecognizer().then(
          (recognizer) => set({ recognizer }),
          (e: unknown) => set({ recognizer: null, recognizerError: e instanceof Error ? e.message : String(e) }),
        );
      }
      const [shipped, saved] = await Promise.all([fetchShippedProbe(), probeRecords.list().catch(() => [])]);
      const choices: ProbeChoice[] = [];
      if (shipped) {
        choices.push({
          id: 'shipped', name: shipped.name, model: shipped.model, files: shipped, facts: factsFromCard(shipped.card, shipped.json),
          calibration: shipped.calibration, folder: SHIPPED_PROBE_DIR.replace(/\/$/, ''),
        });
      }
      for (const r of saved.sort((a, b) => b.savedAt.localeCompare(a.savedAt))) {
        choices.push({ id: r.id, name: r.name, model: modelOf(r.files.json), files: r.files, facts: factsFromRecord(r.files.json, r.result, r.corpus), calibration: null });
      }
      const keep = get().probeId && choices.some((c) => c.id === get().probeId) ? get().probeId : choices[0]?.id ?? null;
      set({ choices, shippedPresent: shipped !== null, probeId: keep });
    },
    choose(id) {
      set({ probeId: id });
    },
    async importProbe(files) {
      try {
        const record = await probeFromFiles(files);
        await probeRecords.put(record);
        await get().loadChoices();
        set({ probeId: record.id, error: null });
      } catch (e) {
        set({ error: e instanceof Error ? e.message : String(e) });
      }
    },
    async recognizeExample() {
      await get().recognizeFiles([new File([demoWavBytes().slice()], EXAMPLE_NAME, { type: 'audio/wav' })]);
    },
    recognizeFile(file) {
      return get().recognizeFiles([file]);
    },
    async recognizeFolder(picked) {
      const { audio, skipped } = audioFilesOf(picked);
      await get().recognizeFiles(audio.map((p) => (p.file instanceof File ? p.file : new File([p.file], p.path.split('/').pop()!))), skipped);
    },
    async recognizeFiles(files, skipped = []) {
      if (files.length === 0) {
        set({ skipped, error: skipped.length ? 'No audio file (WAV, MP3, Ogg Vorbis, FLAC) in what you chose.' : null });
        return;
      }
      current?.abort();
      const abort = new AbortController();
      current = abort;
      const probe = get().choices.find((c) => c.id === get().probeId);
      const jobs = newJobs(files.map((f) => f.name), Date.now().toString(36));
      set({ jobs, running: true, skipped, cancelled: false, error: null, current: null });
      const mine = () => current === abort;
      const done = await runQueue(jobs, {
        signal: abort.signal,
        run: (kind, job, opts) => runOne(kind, files[jobs.findIndex((j) => j.id === job.id)], probe, opts),
        onChange: (next) => {
          if (!mine()) return;
          set({ jobs: next });
          save(next);
        },
        onProgress: (index, kind, progress) => {
          if (!mine()) return;
          const stage = progress.stage === 'starting' && !get().warm ? 'warming up (loading the model)' : progress.stage;
          set({ current: { index, kind, progress: { ...progress, stage } } });
        },
      });
      if (!mine()) return;
      current = null;
      set({ jobs: done, running: false, current: null, warm: true, cancelled: abort.signal.aborted });
    },
    cancel() {
      current?.abort();
    },
    clear() {
      current?.abort();
      current = null;
      set({ jobs: [], running: false, current: null, skipped: [], cancelled: false });
      void recognizeSession.clear().catch(() => undefined);
    },
  };
});

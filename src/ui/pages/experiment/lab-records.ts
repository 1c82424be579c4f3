// The experiment's saved results in IndexedDB ("diffpir-lab"/"records", through src/store/kv.ts so a
// full quota is a clear error and nothing stored is lost): trained probes (files + figures), Han
// CNNs, the sweep session (what to resume after a reload) and Recognize's last queue of files with
// their answers. Keys: probe:<id>, han:<id>, sweep-session, recognize-session.
import type { HanTrainResult } from '../../../compute/messages/han-train.ts';
import type { ModelFilesPayload } from '../../../compute/messages/lab-common.ts';
import type { ProbeTrainResult } from '../../../compute/messages/probe-train.ts';
import type { SweepRunParams } from '../../../compute/messages/sweep-run.ts';
import type { FileJob } from '../recognize/batch.ts';
import { idbStore, type KeyValueStore } from '../../../store/kv.ts';

export interface ProbeRecord {
  id: string;
  name: string;
  savedAt: string;
  files: ModelFilesPayload;
  /** Figures from training here; null for an imported probe not scored here. */
  result: Omit<ProbeTrainResult, 'probe'> | null;
  /** Corpus choice it was trained on (select value), when trained here. */
  corpus?: string;
}

export interface HanRecord {
  id: string;
  name: string;
  savedAt: string;
  files: ModelFilesPayload;
  result: Omit<HanTrainResult, 'model'>;
  /** Corpus choice it was trained/scored on (select value). */
  corpus: string;
}

export interface SweepSession {
  params: Omit<SweepRunParams, 'appBase'>;
  status: 'running' | 'finished' | 'stopped' | 'failed';
  startedAt: string;
  message?: string;
}

let kv: KeyValueStore | undefined;
const store = () => (kv ??= idbStore('diffpir-lab', 'records'));

/** For tests: use another store. */
export function useRecordStore(s: KeyValueStore): void {
  kv = s;
}

async function list<T>(prefix: string): Promise<T[]> {
  const out: T[] = [];
  for (const k of await store().keys(prefix)) {
    const v = await store().get<T>(k);
    if (v) out.push(v);
  }
  return out;
}

export const probeRecords = {
  list: () => list<ProbeRecord>('probe:'),
  get: (id: string) => store().get<ProbeRecord>(`probe:${id}`),
  put: (r: ProbeRecord) => store().set(`probe:${r.id}`, r),
  delete: (id: string) => store().del(`probe:${id}`),
};

export const hanRecords = {
  list: () => list<HanRecord>('han:'),
  put: (r: HanRecord) => store().set(`han:${r.id}`, r),
  delete: (id: string) => store().del(`han:${id}`),
};

export const sweepSession = {
  get: () => store().get<SweepSession>('sweep-session'),
  put: (s: SweepSession) => store().set('sweep-session', s),
};

/** Recognize's files and answers (the last queue), kept across reloads. */
export interface RecognizeSession {
  savedAt: string;
  jobs: FileJob[];
}

export const recognizeSession = {
  get: () => store().get<RecognizeSession>('recognize-session'),
  put: (s: RecognizeSession) => store().set('recognize-session', s),
  clear: () => store().del('recognize-session'),
};

/** A new record id: time plus a random suffix (sortable by time). */
export function newRecordId(): string {
  return `${new Date().toISOString().replace(/[-:.TZ]/g, '').slice(0, 14)}-${Math.random().toString(36).slice(2, 7)}`;
}

// Diffusion training runs in the browser (IndexedDB "diffpir-train-runs"): per run `info:<id>`
// (what was asked, how far it got, its status), `ckpt:<id>` (the latest checkpoint: tensors and
// state in one value, so a save is all or nothing), `best:<id>` (early stopping's best weights)
// and `log:<id>` (the loss log's lines). A run
// that was running when the page closed keeps its checkpoint and resumes from it.
import type { CheckpointBytes } from '../training/checkpoint.ts';
import type { RunStore } from '../training/run-store.ts';
import type { LogLine } from '../training/trainLog.ts';
import { idbStore, type KeyValueStore } from './kv.ts';

export type TrainRunStatus = 'running' | 'stopped' | 'failed' | 'done';

export interface TrainRunInfo<P = Record<string, unknown>> {
  id: string;
  name: string;
  /** The request that started the run (a resume sends it again). */
  params: P;
  status: TrainRunStatus;
  /** Steps in the latest checkpoint, and asked for. */
  step: number;
  steps: number;
  updated: string;
  error?: string;
  /** The user model the finished run was stored as. */
  modelId?: string;
}

export class TrainRunStore {
  constructor(readonly kv: KeyValueStore) {}

  async list<P = Record<string, unknown>>(): Promise<TrainRunInfo<P>[]> {
    const out: TrainRunInfo<P>[] = [];
    for (const key of await this.kv.keys('info:')) {
      const info = await this.kv.get<TrainRunInfo<P>>(key);
      if (info) out.push(info);
    }
    return out.sort((a, b) => b.updated.localeCompare(a.updated));
  }

  get(id: string): Promise<TrainRunInfo | undefined> {
    return this.kv.get<TrainRunInfo>(`info:${id}`);
  }

  async update(id: string, patch: Partial<TrainRunInfo>): Promise<TrainRunInfo | undefined> {
    const info = await this.get(id);
    if (!info) return undefined;
    const next = { ...info, ...patch, updated: new Date().toISOString() };
    await this.kv.set(`info:${id}`, next);
    return next;
  }

  async put(info: TrainRunInfo): Promise<void> {
    await this.kv.set(`info:${info.id}`, info);
  }

  /** The checkpoint and log of run `id`; each checkpoint save also records its step in the info. */
  runStore(id: string): RunStore {
    const kv = this.kv;
    const logKey = `log:${id}`;
    const readLog = async () => (await kv.get<LogLine[]>(logKey)) ?? [];
    return {
      where: `${kv.name} run ${id}`,
      loadCheckpoint: () => kv.get<CheckpointBytes>(`ckpt:${id}`),
      saveCheckpoint: async (bytes) => {
        await kv.set(`ckpt:${id}`, bytes);
        await this.update(id, { step: (JSON.parse(bytes.json) as { step: number }).step });
      },
      truncateLog: async (step) => kv.set(logKey, (await readLog()).filter((l) => l.step <= step)),
      appendLog: async (line) => kv.set(logKey, [...(await readLog()), line]),
      readLog,
      saveBest: (tensors) => kv.set(`best:${id}`, tensors),
      loadBest: () => kv.get<Uint8Array>(`best:${id}`),
    };
  }

  /** Drops the checkpoint (a finished run keeps its info and log). */
  async dropCheckpoint(id: string): Promise<void> {
    await this.kv.del(`ckpt:${id}`);
    await this.kv.del(`best:${id}`);
  }

  async delete(id: string): Promise<void> {
    for (const key of [`info:${id}`, `ckpt:${id}`, `best:${id}`, `log:${id}`]) await this.kv.del(key);
  }
}

let shared: TrainRunStore | undefined;

export function browserTrainRuns(): TrainRunStore {
  return (shared ??= new TrainRunStore(idbStore('diffpir-train-runs', 'runs')));
}

// Where a training run keeps its checkpoint and loss log: a folder in Node (run-store-node.ts),
// IndexedDB in the browser (store/train-runs.ts), memory in tests. The trainer only sees this.
import type { CheckpointBytes } from './checkpoint.ts';
import type { LogLine } from './trainLog.ts';

export interface RunStore {
  /** For messages, e.g. ".cache/train/mine/checkpoint" or "IndexedDB run r1". */
  readonly where: string;
  /** The last saved checkpoint, if any. */
  loadCheckpoint(): Promise<CheckpointBytes | undefined>;
  /** Replaces the checkpoint; an interrupted save leaves the previous one readable. */
  saveCheckpoint(bytes: CheckpointBytes): Promise<void>;
  /** Keeps only log lines with step <= `step` (-1: none). */
  truncateLog(step: number): Promise<void>;
  appendLog(line: LogLine): Promise<void>;
  readLog(): Promise<LogLine[]>;
  /** The best weights so far of a run with early stopping (tensors only; same encoding as a checkpoint's). */
  saveBest(tensors: Uint8Array): Promise<void>;
  loadBest(): Promise<Uint8Array | undefined>;
}

/** A run kept in memory (tests, throwaway runs). */
export class MemoryRunStore implements RunStore {
  readonly where = 'memory';
  checkpoint?: CheckpointBytes;
  log: LogLine[] = [];
  best?: Uint8Array;

  async loadCheckpoint() {
    return this.checkpoint;
  }
  async saveCheckpoint(bytes: CheckpointBytes) {
    this.checkpoint = bytes;
  }
  async truncateLog(step: number) {
    this.log = this.log.filter((l) => l.step <= step);
  }
  async appendLog(line: LogLine) {
    this.log.push(line);
  }
  async readLog() {
    return [...this.log];
  }
  async saveBest(tensors: Uint8Array) {
    this.best = tensors;
  }
  async loadBest() {
    return this.best;
  }
}

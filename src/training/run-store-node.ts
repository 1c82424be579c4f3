// A training run in a folder (Node): <out>/checkpoint/checkpoint.safetensors + checkpoint.json
// (each written to a temporary name and renamed, the JSON last, so an interrupted save leaves the
// previous checkpoint readable), <out>/checkpoint/best.safetensors (early stopping's best weights)
// and <out>/train-log.jsonl.
import { appendFileSync, existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { CheckpointBytes } from './checkpoint.ts';
import type { RunStore } from './run-store.ts';
import { formatLogLines, parseLogLines, TRAIN_LOG, type LogLine } from './trainLog.ts';

export const CHECKPOINT_DIR = 'checkpoint';
export const CHECKPOINT_TENSORS = 'checkpoint.safetensors';
export const CHECKPOINT_JSON = 'checkpoint.json';
export const BEST_TENSORS = 'best.safetensors';

function atomicWrite(file: string, bytes: Uint8Array | string): void {
  writeFileSync(`${file}.tmp`, bytes);
  renameSync(`${file}.tmp`, file);
}

export class FolderRunStore implements RunStore {
  readonly where: string;
  private readonly ckDir: string;
  private readonly logFile: string;

  constructor(readonly outDir: string) {
    this.ckDir = path.join(outDir, CHECKPOINT_DIR);
    this.logFile = path.join(outDir, TRAIN_LOG);
    this.where = this.ckDir;
  }

  async loadCheckpoint(): Promise<CheckpointBytes | undefined> {
    const json = path.join(this.ckDir, CHECKPOINT_JSON);
    const tensors = path.join(this.ckDir, CHECKPOINT_TENSORS);
    if (!existsSync(json) || !existsSync(tensors)) return undefined;
    return { json: readFileSync(json, 'utf8'), tensors: new Uint8Array(readFileSync(tensors)) };
  }

  async saveCheckpoint(bytes: CheckpointBytes): Promise<void> {
    mkdirSync(this.ckDir, { recursive: true });
    atomicWrite(path.join(this.ckDir, CHECKPOINT_TENSORS), bytes.tensors);
    atomicWrite(path.join(this.ckDir, CHECKPOINT_JSON), bytes.json);
  }

  async saveBest(tensors: Uint8Array): Promise<void> {
    mkdirSync(this.ckDir, { recursive: true });
    atomicWrite(path.join(this.ckDir, BEST_TENSORS), tensors);
  }

  async loadBest(): Promise<Uint8Array | undefined> {
    const f = path.join(this.ckDir, BEST_TENSORS);
    return existsSync(f) ? new Uint8Array(readFileSync(f)) : undefined;
  }

  async truncateLog(step: number): Promise<void> {
    if (!existsSync(this.logFile)) return;
    writeFileSync(this.logFile, formatLogLines((await this.readLog()).filter((l) => l.step <= step)));
  }

  async appendLog(line: LogLine): Promise<void> {
    mkdirSync(this.outDir, { recursive: true });
    appendFileSync(this.logFile, formatLogLines([line]));
  }

  async readLog(): Promise<LogLine[]> {
    return existsSync(this.logFile) ? parseLogLines(readFileSync(this.logFile, 'utf8')) : [];
  }
}

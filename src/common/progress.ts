// Progress and cancellation conventions shared by every long job (CLI and worker alike):
// a job takes `JobOptions`, reports `Progress`, and stops with CancelledError when `signal` aborts.
import { CancelledError } from './errors.ts';

export interface Progress {
  /** What is being done, e.g. "rendering clips". */
  stage: string;
  /** Units done and total (total 0 when unknown). */
  done: number;
  total: number;
  /** Optional one-line detail, e.g. the current clip id or a loss value. */
  detail?: string;
}

export interface JobOptions {
  onProgress?: (p: Progress) => void;
  signal?: AbortSignal;
}

export function throwIfCancelled(signal: AbortSignal | undefined, what = 'job'): void {
  if (signal?.aborted) throw new CancelledError(what);
}

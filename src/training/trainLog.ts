// The training log: one JSON object per line in <out>/train-log.jsonl. Training lines:
// {kind: "train", step, loss, lossBySigma: {"0.0-0.2": ...}, lr, gradNorm, time, stepsPerSec,
// clipsPerSec}; validation lines: {kind: "val", step, vLoss, vLossBySigma, x0Error, time}.
// `time` is training seconds since the run began (over resumed sessions). On resume, lines
// after the checkpoint's step are dropped so the log reads as one uninterrupted run.
import { appendFileSync, existsSync, readFileSync, writeFileSync } from 'node:fs';

export const TRAIN_LOG = 'train-log.jsonl';
export const SIGMA_BINS = 5;

export interface LogLine {
  kind: 'train' | 'val';
  step: number;
  [k: string]: unknown;
}

/** Keeps only lines with step <= `step` (and drops unreadable lines). */
export function truncateLog(file: string, step: number): void {
  if (!existsSync(file)) return;
  const kept = readFileSync(file, 'utf8').split('\n').filter((l) => {
    try {
      return l.trim() !== '' && (JSON.parse(l) as LogLine).step <= step;
    } catch {
      return false;
    }
  });
  writeFileSync(file, kept.length ? `${kept.join('\n')}\n` : '');
}

export function appendLog(file: string, line: LogLine): void {
  appendFileSync(file, `${JSON.stringify(line)}\n`);
}

export function readLog(file: string): LogLine[] {
  if (!existsSync(file)) return [];
  return readFileSync(file, 'utf8').split('\n').filter((l) => l.trim()).map((l) => JSON.parse(l) as LogLine);
}

/** Per-sample losses accumulated by sigma bin ([0, 0.2), [0.2, 0.4), ...) between log lines. */
export class SigmaBins {
  private sums = new Array<number>(SIGMA_BINS).fill(0);
  private counts = new Array<number>(SIGMA_BINS).fill(0);

  add(sigmas: ArrayLike<number>, losses: ArrayLike<number>): void {
    for (let i = 0; i < sigmas.length; i++) {
      const b = Math.min(SIGMA_BINS - 1, Math.floor(sigmas[i] * SIGMA_BINS));
      this.sums[b] += losses[i];
      this.counts[b]++;
    }
  }

  /** {"0.0-0.2": mean, ...} for the bins that saw samples; resets. */
  take(): Record<string, number> {
    const out: Record<string, number> = {};
    for (let b = 0; b < SIGMA_BINS; b++) {
      if (this.counts[b] > 0) out[`${(b / SIGMA_BINS).toFixed(1)}-${((b + 1) / SIGMA_BINS).toFixed(1)}`] = this.sums[b] / this.counts[b];
    }
    this.sums.fill(0);
    this.counts.fill(0);
    return out;
  }
}

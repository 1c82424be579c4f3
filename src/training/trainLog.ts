// The training log: one JSON object per line in <out>/train-log.jsonl. Training lines:
// {kind: "train", step, loss, lossBySigma: {"0.0-0.2": ...}, lr, gradNorm, time, stepsPerSec,
// clipsPerSec}; validation lines: {kind: "val", step, vLoss, vLossBySigma, x0Error, time}.
// `time` is training seconds since the run began (over resumed sessions). On resume, lines
// after the checkpoint's step are dropped so the log reads as one uninterrupted run (the RunStore
// keeps it: a file in Node, IndexedDB in the browser).
export const TRAIN_LOG = 'train-log.jsonl';
export const SIGMA_BINS = 5;

export interface LogLine {
  kind: 'train' | 'val';
  step: number;
  [k: string]: unknown;
}

/** Parses JSON-lines text, dropping unreadable lines. */
export function parseLogLines(text: string): LogLine[] {
  const out: LogLine[] = [];
  for (const l of text.split('\n')) {
    if (!l.trim()) continue;
    try {
      out.push(JSON.parse(l) as LogLine);
    } catch {
      // a line cut by an interrupted write
    }
  }
  return out;
}

export function formatLogLines(lines: readonly LogLine[]): string {
  return lines.map((l) => `${JSON.stringify(l)}\n`).join('');
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

// The coordinator's progress line: cells done of the batch, running, waiting, failed, workers
// connected, and the time left from the pace so far (cells done per second since the batch began).
export interface BatchCounts {
  total: number;
  done: number;
  running: number;
  waiting: number;
  failed: number;
  /** Workers connected (undefined where Redis does not tell). */
  workers?: number;
}

export function duration(seconds: number): string {
  if (!Number.isFinite(seconds)) return '?';
  if (seconds < 90) return `${Math.max(0, Math.round(seconds))} s`;
  if (seconds < 5400) return `${(seconds / 60).toFixed(1)} min`;
  return `${(seconds / 3600).toFixed(1)} h`;
}

/** Seconds left at the pace so far; undefined before the first cell of the batch is done. */
export function timeLeft(c: Pick<BatchCounts, 'total' | 'done' | 'failed'>, doneHere: number, elapsedSeconds: number): number | undefined {
  if (doneHere <= 0 || elapsedSeconds <= 0) return undefined;
  return ((c.total - c.done - c.failed) * elapsedSeconds) / doneHere;
}

export function progressLine(what: string, c: BatchCounts, left: number | undefined): string {
  const parts = [`${c.done}/${c.total} done`, `${c.running} running`, `${c.waiting} waiting`];
  if (c.failed > 0) parts.push(`${c.failed} failed`);
  if (c.workers !== undefined) parts.push(`${c.workers} worker${c.workers === 1 ? '' : 's'}`);
  const tail = c.done + c.failed >= c.total ? '' : left === undefined ? '; time left: after the first cell' : `; about ${duration(left)} left`;
  return `${what}: ${parts.join(', ')}${tail}`;
}

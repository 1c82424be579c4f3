// The Recognize queue as pure data: one job per file with two answers (the diffusion probe's and
// the Han CNN's), run one file after the other, each answer failing or being cancelled on its own;
// the "file i of n" line; which files of a folder are audio; what survives a reload.
import type { Progress } from '../../../common/progress.ts';
import type { RecognizeHanResult } from '../../../compute/messages/recognize-han.ts';
import type { RecognizeResult } from '../../../compute/messages/recognize.ts';

export type AnswerKind = 'probe' | 'han';
export const ANSWER_KINDS: readonly AnswerKind[] = ['probe', 'han'];
export type AnswerStatus = 'waiting' | 'running' | 'done' | 'failed' | 'cancelled';

export interface Answer<R> {
  status: AnswerStatus;
  result?: R;
  /** Why it failed or stopped, in words. */
  error?: string;
}

export interface FileJob {
  id: string;
  fileName: string;
  probe: Answer<RecognizeResult>;
  han: Answer<RecognizeHanResult>;
}

export type AnswerResult<K extends AnswerKind> = K extends 'probe' ? RecognizeResult : RecognizeHanResult;

export const CANCELLED = 'Not recognized: you cancelled the queue.';
export const INTERRUPTED = 'Not recognized: the page was closed or reloaded first.';

/** Audio files the page can read, by extension. */
export const AUDIO_FILE = /\.(wav|mp3|ogg|oga|flac)$/i;

/** A folder's files: the audio ones in path order, and the others (named, to say they were skipped). */
export function audioFilesOf<T extends { path: string }>(files: readonly T[]): { audio: T[]; skipped: string[] } {
  const audio = files.filter((f) => AUDIO_FILE.test(f.path)).sort((a, b) => a.path.localeCompare(b.path));
  const skipped = files.filter((f) => !AUDIO_FILE.test(f.path)).map((f) => f.path).sort();
  return { audio, skipped };
}

export function newJobs(fileNames: readonly string[], batch: string): FileJob[] {
  return fileNames.map((fileName, i) => ({ id: `${batch}-${i}`, fileName, probe: { status: 'waiting' }, han: { status: 'waiting' } }));
}

/** "File 2 of 5: b.wav" for the job being recognized. */
export function queueLine(jobs: readonly FileJob[], index: number): string {
  return `File ${index + 1} of ${jobs.length}: ${jobs[index]?.fileName ?? '?'}`;
}

/** "3 files: 1 finished, 2 cancelled." (finished: both answers came, or failed with a reason). */
export function countLine(jobs: readonly FileJob[]): string {
  const ended = (a: Answer<unknown>) => a.status === 'done' || a.status === 'failed';
  const finished = jobs.filter((j) => ended(j.probe) && ended(j.han)).length;
  const cancelled = jobs.filter((j) => j.probe.status === 'cancelled' || j.han.status === 'cancelled').length;
  const files = jobs.length === 1 ? '1 file' : `${jobs.length} files`;
  return `${files}: ${finished} finished${cancelled ? `, ${cancelled} cancelled or not finished` : ''}.`;
}

/** The same failure from both models is the file's problem (e.g. not audio): said once. */
export function fileProblem(job: FileJob): string | null {
  return job.probe.status === 'failed' && job.han.status === 'failed' && job.probe.error === job.han.error ? job.probe.error ?? null : null;
}

function withAnswer(jobs: readonly FileJob[], index: number, kind: AnswerKind, answer: Answer<never> | Answer<RecognizeResult> | Answer<RecognizeHanResult>): FileJob[] {
  return jobs.map((j, i) => (i === index ? { ...j, [kind]: answer } : j));
}

/** Every answer not finished marked cancelled (or interrupted), with the reason. */
export function stopUnfinished(jobs: readonly FileJob[], reason = CANCELLED): FileJob[] {
  const stop = <R,>(a: Answer<R>): Answer<R> => (a.status === 'waiting' || a.status === 'running' ? { status: 'cancelled', error: reason } : a);
  return jobs.map((j) => ({ ...j, probe: stop(j.probe), han: stop(j.han) }));
}

/** Jobs read back after a reload: what was still running never finished. */
export function restoreJobs(jobs: readonly FileJob[] | undefined): FileJob[] {
  return Array.isArray(jobs) ? stopUnfinished(jobs, INTERRUPTED) : [];
}

export interface QueueDeps {
  /** Runs one model on one file; throws to fail that answer only. */
  run<K extends AnswerKind>(kind: K, job: FileJob, opts: { signal: AbortSignal; onProgress: (p: Progress) => void }): Promise<AnswerResult<K>>;
  signal: AbortSignal;
  /** Called with the jobs after every change. */
  onChange(jobs: FileJob[]): void;
  /** The file and model being run, and its progress. */
  onProgress(index: number, kind: AnswerKind, p: Progress): void;
}

const isCancel = (e: unknown) => e instanceof Error && e.name === 'CancelledError';

/** Runs every file, probe then Han CNN, one at a time; stops (marking the rest cancelled) when the signal aborts. */
export async function runQueue(start: readonly FileJob[], deps: QueueDeps): Promise<FileJob[]> {
  let jobs = [...start];
  const change = (next: FileJob[]) => {
    jobs = next;
    deps.onChange(jobs);
  };
  for (let i = 0; i < jobs.length; i++) {
    for (const kind of ANSWER_KINDS) {
      if (deps.signal.aborted) {
        change(stopUnfinished(jobs));
        return jobs;
      }
      if (jobs[i][kind].status !== 'waiting') continue;
      change(withAnswer(jobs, i, kind, { status: 'running' }));
      deps.onProgress(i, kind, { stage: 'starting', done: 0, total: 0 });
      try {
        const result = await deps.run(kind, jobs[i], { signal: deps.signal, onProgress: (p) => deps.onProgress(i, kind, p) });
        change(withAnswer(jobs, i, kind, { status: 'done', result } as Answer<RecognizeResult>));
      } catch (e) {
        if (deps.signal.aborted || isCancel(e)) change(withAnswer(jobs, i, kind, { status: 'cancelled', error: CANCELLED }));
        else change(withAnswer(jobs, i, kind, { status: 'failed', error: e instanceof Error ? e.message : String(e) }));
      }
    }
  }
  if (deps.signal.aborted) change(stopUnfinished(jobs));
  return jobs;
}

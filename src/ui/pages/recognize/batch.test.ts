import { describe, expect, it } from 'vitest';
import { CancelledError, LabError } from '../../../common/errors.ts';
import type { Progress } from '../../../common/progress.ts';
import {
  audioFilesOf, CANCELLED, countLine, fileProblem, INTERRUPTED, newJobs, queueLine, restoreJobs, runQueue, type AnswerKind, type FileJob, type QueueDeps,
} from './batch.ts';

/** A stand-in for the worker: answers `probe:<file>` / `han:<file>`, or throws what `fail` says. */
function deps(fail: Record<string, Error> = {}, abortAt?: string, controller = new AbortController()) {
  const calls: string[] = [];
  const states: FileJob[][] = [];
  const progress: string[] = [];
  const d: QueueDeps = {
    signal: controller.signal,
    async run(kind, job, opts) {
      const key = `${kind}:${job.fileName}`;
      calls.push(key);
      opts.onProgress({ stage: 'working', done: 1, total: 2 });
      if (key === abortAt) {
        controller.abort();
        throw new CancelledError('recognize');
      }
      if (fail[key]) throw fail[key];
      return { probe: key } as never;
    },
    onChange: (jobs) => states.push(jobs),
    onProgress: (i: number, kind: AnswerKind, p: Progress) => progress.push(`${i}:${kind}:${p.stage}`),
  };
  return { d, calls, states, progress };
}

describe('the Recognize queue', () => {
  it('runs every file, probe then Han CNN, one at a time, and says which file of how many', async () => {
    const jobs = newJobs(['a.wav', 'b.wav'], 'x');
    const { d, calls, states, progress } = deps();
    const out = await runQueue(jobs, d);
    expect(calls).toEqual(['probe:a.wav', 'han:a.wav', 'probe:b.wav', 'han:b.wav']);
    expect(out.map((j) => [j.probe.status, j.han.status])).toEqual([['done', 'done'], ['done', 'done']]);
    expect(out[1].han.result).toEqual({ probe: 'han:b.wav' });
    // Running is shown before done; the input jobs are not changed.
    expect(states[0][0].probe.status).toBe('running');
    expect(jobs[0].probe.status).toBe('waiting');
    expect(progress).toContain('1:han:working');
    expect(queueLine(out, 1)).toBe('File 2 of 2: b.wav');
  });

  it('one model failing does not hide the other answer', async () => {
    const { d } = deps({ 'han:a.wav': new LabError('Han CNN models/han-cnn-recorded/ is not in this build (model.json: HTTP 404)') });
    const [a] = await runQueue(newJobs(['a.wav'], 'x'), d);
    expect(a.probe.status).toBe('done');
    expect(a.han).toEqual({ status: 'failed', error: 'Han CNN models/han-cnn-recorded/ is not in this build (model.json: HTTP 404)' });
    expect(fileProblem(a)).toBeNull();
  });

  it('the same failure from both models is the file\'s problem, said once', async () => {
    const bad = new LabError('notes.txt: not an audio file the lab can read (it looks like text)');
    const { d } = deps({ 'probe:notes.txt': bad, 'han:notes.txt': bad });
    const [n] = await runQueue(newJobs(['notes.txt'], 'x'), d);
    expect(fileProblem(n)).toBe(bad.message);
  });

  it('cancel stops the queue: the running answer and the rest are cancelled, finished ones stay', async () => {
    const { d, calls } = deps({}, 'han:b.wav');
    const out = await runQueue(newJobs(['a.wav', 'b.wav', 'c.wav'], 'x'), d);
    expect(calls).toEqual(['probe:a.wav', 'han:a.wav', 'probe:b.wav', 'han:b.wav']);
    expect(out.map((j) => [j.probe.status, j.han.status])).toEqual([['done', 'done'], ['done', 'cancelled'], ['cancelled', 'cancelled']]);
    expect(out[2].probe.error).toBe(CANCELLED);
    expect(countLine(out)).toBe('3 files: 1 finished, 2 cancelled or not finished.');
    expect(countLine(out.slice(0, 1))).toBe('1 file: 1 finished.');
  });

  it('after a reload, what was still running or waiting is marked as not finished', () => {
    const jobs = newJobs(['a.wav', 'b.wav'], 'x');
    jobs[0] = { ...jobs[0], probe: { status: 'done', result: {} as never }, han: { status: 'running' } };
    const back = restoreJobs(jobs);
    expect(back[0].probe.status).toBe('done');
    expect(back[0].han).toEqual({ status: 'cancelled', error: INTERRUPTED });
    expect(back[1].probe.status).toBe('cancelled');
    expect(restoreJobs(undefined)).toEqual([]);
  });

  it('takes a folder\'s audio files in path order and names the others', () => {
    const files = ['b/2.flac', 'labels.json', 'a/1.WAV', 'notes.txt', 'c.mp3', 'd.ogg'].map((path) => ({ path }));
    const { audio, skipped } = audioFilesOf(files);
    expect(audio.map((f) => f.path)).toEqual(['a/1.WAV', 'b/2.flac', 'c.mp3', 'd.ogg']);
    expect(skipped).toEqual(['labels.json', 'notes.txt']);
  });
});

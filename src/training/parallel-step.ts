// Node only: the training step split over threads (data parallel). The batch is cut into contiguous
// parts (parallel-protocol.ts splitBatch); this thread computes the first part's gradients and
// each worker thread (grad-worker-node.ts, its own backend and U-Net copy) one other part, all
// with the single-thread step's micro-batch weights (n / B). The parts' gradients are summed here
// in a fixed order (this thread's, then worker 1, 2, ...) and the same Adam update (adamUpdate) is
// applied, so a step equals the single-thread one up to float summation order (exactly, when
// each part is a whole number of micro-batches, as with batch 8, micro-batch 4, 2 threads).
// Workers load TypeScript through tsx's loader, registered by a small bootstrap (as the corpus
// render pool does).
import * as tf from '@tensorflow/tfjs';
import { Worker } from 'node:worker_threads';
import { CancelledError, LabError } from '../common/errors.ts';
import { throwIfCancelled } from '../common/progress.ts';
import { adamUpdate } from './adam.ts';
import { batchGradients } from './grads.ts';
import { splitBatch, type FromGradWorker, type GradJob, type GradWorkerData } from './parallel-protocol.ts';
import type { StepResult } from './step.ts';
import type { Stepper, StepperContext, StepperFactory } from './stepper.ts';

type Answer = Extract<FromGradWorker, { kind: 'grads' }>;

interface Thread {
  index: number;
  worker: Worker;
  grads: Float32Array;
  exited: boolean;
  ready: Promise<Extract<FromGradWorker, { kind: 'ready' }>>;
  pending?: { job: number; resolve: (a: Answer) => void; reject: (e: Error) => void };
}

export interface ParallelStepper extends Stepper {
  /** Worker threads not yet exited (0 after dispose). */
  alive(): number;
  /** The worker threads (tests simulate a crash by terminating one). */
  readonly workers: readonly Worker[];
  /** The last step's times: this thread's part, each worker's part (as it measured), the whole step. */
  lastTimes(): { ownMs: number; workerMs: number[]; stepMs: number } | undefined;
}

/** A factory for the trainer: `threads` in all (this one and threads - 1 workers). */
export function parallelStepper(threads: number): StepperFactory {
  return (c) => startParallelStepper(threads, c);
}

/** Starts threads - 1 workers and waits until each holds its U-Net copy. */
export async function startParallelStepper(threads: number, c: StepperContext): Promise<ParallelStepper> {
  if (!Number.isInteger(threads) || threads < 1) throw new LabError(`training: threads must be a positive integer, got ${threads}`);
  const { model, adam, options, microBatch, signal } = c;
  throwIfCancelled(signal, 'training');
  const params = model.params as Map<string, tf.Variable>;
  const sizes = [...params.values()].map((p) => p.size);
  const total = sizes.reduce((a, b) => a + b, 0);
  const paramsShared = new SharedArrayBuffer(total * 4);
  const paramsView = new Float32Array(paramsShared);
  const tsx = import.meta.resolve('tsx/esm/api');
  const entry = new URL('./grad-worker-node.ts', import.meta.url).href;
  const boot = `import(${JSON.stringify(tsx)}).then((m) => { m.register(); return import(${JSON.stringify(entry)}); });`;
  let closing = false;
  let broken: Error | undefined;
  const fail = (t: Thread, e: Error) => {
    broken ??= e;
    t.pending?.reject(e);
    t.pending = undefined;
  };
  const threadsList: Thread[] = Array.from({ length: threads - 1 }, (_, i) => {
    const grads = new SharedArrayBuffer(total * 4);
    const data: GradWorkerData = { backend: tf.getBackend(), config: model.config, params: paramsShared, grads };
    const worker = new Worker(boot, { eval: true, workerData: data });
    let readyResolve!: (m: Extract<FromGradWorker, { kind: 'ready' }>) => void;
    let readyReject!: (e: Error) => void;
    const t: Thread = {
      index: i + 1, worker, grads: new Float32Array(grads), exited: false,
      ready: new Promise((res, rej) => ((readyResolve = res), (readyReject = rej))),
    };
    t.ready.catch(() => {});
    worker.on('message', (m: FromGradWorker) => {
      if (m.kind === 'ready') return readyResolve(m);
      const p = t.pending;
      if (p === undefined || p.job !== m.job) return;
      if (m.kind === 'grads') {
        t.pending = undefined;
        p.resolve(m);
      } else fail(t, new LabError(`training thread ${t.index}: ${m.message}`));
    });
    worker.on('error', (e) => {
      const err = new LabError(`training thread ${t.index} failed: ${e.message}`);
      readyReject(err);
      fail(t, err);
    });
    worker.on('exit', (code) => {
      t.exited = true;
      if (closing) return;
      const err = new LabError(`training thread ${t.index} stopped unexpectedly (exit code ${code})`);
      readyReject(err);
      fail(t, err);
    });
    return t;
  });
  const dispose = async () => {
    closing = true;
    for (const t of threadsList) fail(t, new LabError('training: the threads were closed during a step'));
    await Promise.all(threadsList.map((t) => t.worker.terminate()));
  };

  const untilAborted = <T>(p: Promise<T>): Promise<T> => {
    if (!signal) return p;
    let onAbort = () => {};
    const aborted = new Promise<never>((_, rej) => {
      onAbort = () => rej(new CancelledError('training'));
      signal.addEventListener('abort', onAbort, { once: true });
    });
    return Promise.race([p, aborted]).finally(() => signal.removeEventListener('abort', onAbort));
  };

  try {
    const readies = await untilAborted(Promise.all(threadsList.map((t) => t.ready)));
    const keys = [...params.keys()];
    for (const r of readies) {
      if (JSON.stringify(r.keys) !== JSON.stringify(keys) || JSON.stringify(r.sizes) !== JSON.stringify(sizes)) {
        throw new LabError('training threads: a worker built a U-Net with other parameters than this thread');
      }
    }
  } catch (e) {
    await dispose();
    throw e;
  }

  let jobs = 0;
  let times: { ownMs: number; workerMs: number[]; stepMs: number } | undefined;
  const step = async (x: tf.Tensor, noise: tf.Tensor, sigma: tf.Tensor1D): Promise<StepResult> => {
    if (broken) throw broken;
    if (closing) throw new LabError('training: step after the threads were closed');
    throwIfCancelled(signal, 'training');
    const t0 = performance.now();
    const B = x.shape[0];
    const ranges = splitBatch(B, threads);
    const per = x.size / B;
    const shape = (n: number) => [n, ...x.shape.slice(1)] as [number, number, number, number];
    const answers: Promise<Answer>[] = [];
    let main: ReturnType<typeof batchGradients> | undefined;
    try {
      if (ranges.length > 1) {
        let off = 0;
        for (const p of params.values()) {
          paramsView.set(p.dataSync() as Float32Array, off);
          off += p.size;
        }
        const [xs, ns, ss] = [x.dataSync(), noise.dataSync(), sigma.dataSync()] as Float32Array[];
        for (let i = 1; i < ranges.length; i++) {
          const t = threadsList[i - 1];
          const [a, b] = ranges[i];
          const job: GradJob = {
            kind: 'grads', job: ++jobs, x: xs.slice(a * per, b * per), noise: ns.slice(a * per, b * per), sigma: ss.slice(a, b),
            shape: shape(b - a), microBatch, total: B,
          };
          answers.push(new Promise<Answer>((resolve, reject) => (t.pending = { job: job.job, resolve, reject })));
          t.worker.postMessage(job, [job.x.buffer as ArrayBuffer, job.noise.buffer as ArrayBuffer, job.sigma.buffer as ArrayBuffer]);
        }
      }
      const all = Promise.all(answers);
      all.catch(() => {});
      const [a0, b0] = ranges[0];
      const part = (t: tf.Tensor) => (b0 - a0 === B ? t : tf.slice(t, a0, b0 - a0));
      const [xp, np, sp] = [part(x), part(noise), part(sigma) as tf.Tensor1D];
      const ownStart = performance.now();
      try {
        main = batchGradients(model, xp, np, sp, microBatch, B);
      } finally {
        if (xp !== x) tf.dispose([xp, np, sp]);
      }
      const ownMs = performance.now() - ownStart;
      const got = await untilAborted(all);
      const perSample = new Float32Array(B);
      perSample.set(main.perSample, a0);
      let loss = main.loss;
      got.forEach((g, i) => {
        loss += g.loss;
        perSample.set(g.perSample, ranges[i + 1][0]);
      });
      const summed: Record<string, tf.Tensor> = {};
      try {
        let off = 0;
        for (const [key, p] of params) {
          const own = main.grads[key];
          summed[key] = tf.tidy(() => {
            let g: tf.Tensor = own ?? tf.zerosLike(p);
            for (let i = 0; i < got.length; i++) g = tf.add(g, tf.tensor(threadsList[i].grads.slice(off, off + p.size), p.shape));
            return g === own ? tf.clone(g) : g;
          });
          off += p.size;
        }
        const gradNorm = adamUpdate(params, summed, adam, options);
        times = { ownMs, workerMs: got.map((g) => g.ms), stepMs: performance.now() - t0 };
        return { loss, perSample, gradNorm };
      } finally {
        tf.dispose(Object.values(summed));
      }
    } catch (e) {
      // A failed or cancelled step leaves workers in an unknown state: no further steps.
      broken ??= e instanceof Error ? e : new Error(String(e));
      throw e;
    } finally {
      if (main) tf.dispose(Object.values(main.grads));
    }
  };

  return {
    threads,
    step,
    dispose,
    alive: () => threadsList.filter((t) => !t.exited).length,
    workers: threadsList.map((t) => t.worker),
    lastTimes: () => times,
  };
}

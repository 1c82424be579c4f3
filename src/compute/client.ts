// Page-side client of the compute worker: promise-returning requests typed by RequestMap, progress
// callbacks, cancel by id (or by AbortSignal), and subscriptions to notices and backend changes.
// Takes any worker-like endpoint, so tests can wire it straight to a dispatcher.
import { CancelledError, LabError } from '../common/errors.ts';
import type { Progress } from '../common/progress.ts';
import type { FromWorker, Notice, ParamsOf, RequestKind, ResultOf, ToWorker } from './protocol.ts';
import type { BackendChoice, BackendName } from './types.ts';
import { fromWireError } from './wire-error.ts';

/** The part of `Worker` the client uses. */
export interface WorkerEndpoint {
  postMessage(msg: ToWorker, transfer: Transferable[]): void;
  addEventListener(type: 'message', fn: (e: MessageEvent<FromWorker>) => void): void;
  addEventListener(type: 'error', fn: (e: ErrorEvent) => void): void;
  terminate(): void;
}

export interface RequestOptions {
  onProgress?: (p: Progress) => void;
  signal?: AbortSignal;
  /** Buffers in `params` to transfer instead of copy (they become unusable here). */
  transfer?: Transferable[];
}

export interface Started<T> {
  id: number;
  result: Promise<T>;
}

interface Pending {
  resolve(v: unknown): void;
  reject(e: Error): void;
  onProgress?: (p: Progress) => void;
  cleanup(): void;
}

export class ComputeClient {
  private nextId = 1;
  private pending = new Map<number, Pending>();
  private noticeListeners = new Set<(n: Notice) => void>();
  private backendListeners = new Set<(c: BackendChoice) => void>();
  /** The backend that ran the most recent request (or that the worker last announced). */
  lastBackend: BackendName | null = null;

  constructor(private worker: WorkerEndpoint) {
    worker.addEventListener('message', (e) => this.receive(e.data));
    worker.addEventListener('error', (e) => this.failAll(new LabError(`the compute worker crashed: ${e.message || 'unknown error'}`, 'internal')));
  }

  /** Sends a request; resolves with its result, rejects with LabError / CancelledError / Error. */
  request<K extends RequestKind>(kind: K, params: ParamsOf<K>, opts: RequestOptions = {}): Promise<ResultOf<K>> {
    return this.start(kind, params, opts).result;
  }

  /** Like request, but also returns the id, for cancel(id). */
  start<K extends RequestKind>(kind: K, params: ParamsOf<K>, opts: RequestOptions = {}): Started<ResultOf<K>> {
    const id = this.nextId++;
    const result = new Promise<ResultOf<K>>((resolve, reject) => {
      if (opts.signal?.aborted) {
        reject(new CancelledError(kind));
        return;
      }
      const onAbort = () => this.cancel(id);
      opts.signal?.addEventListener('abort', onAbort, { once: true });
      this.pending.set(id, {
        resolve: resolve as (v: unknown) => void,
        reject,
        onProgress: opts.onProgress,
        cleanup: () => opts.signal?.removeEventListener('abort', onAbort),
      });
      this.worker.postMessage({ type: 'request', id, kind, params } as ToWorker, opts.transfer ?? []);
    });
    return { id, result };
  }

  /** Asks the worker to stop request `id`; its promise rejects with CancelledError. */
  cancel(id: number): void {
    if (this.pending.has(id)) this.worker.postMessage({ type: 'cancel', id }, []);
  }

  onNotice(fn: (n: Notice) => void): () => void {
    this.noticeListeners.add(fn);
    return () => this.noticeListeners.delete(fn);
  }

  onBackend(fn: (c: BackendChoice) => void): () => void {
    this.backendListeners.add(fn);
    return () => this.backendListeners.delete(fn);
  }

  terminate(): void {
    this.worker.terminate();
    this.failAll(new LabError('the compute worker was stopped', 'cancelled'));
  }

  private receive(msg: FromWorker): void {
    switch (msg.type) {
      case 'notice':
        for (const fn of this.noticeListeners) fn(msg.notice);
        return;
      case 'backend':
        this.lastBackend = msg.choice.name;
        for (const fn of this.backendListeners) fn(msg.choice);
        return;
      case 'progress':
        this.pending.get(msg.id)?.onProgress?.(msg.progress);
        return;
      case 'result':
      case 'error': {
        const p = this.pending.get(msg.id);
        if (!p) return;
        this.pending.delete(msg.id);
        p.cleanup();
        if (msg.type === 'result') {
          if (msg.backend) this.lastBackend = msg.backend;
          p.resolve(msg.result);
        } else {
          p.reject(fromWireError(msg.error));
        }
      }
    }
  }

  private failAll(e: Error): void {
    for (const p of this.pending.values()) {
      p.cleanup();
      p.reject(e);
    }
    this.pending.clear();
  }
}

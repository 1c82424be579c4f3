// The shape of a request handler (one file each under handlers/) and what it gets to work with.
import type { Progress } from '../common/progress.ts';
import type { Notice, ParamsOf, RequestKind, ResultOf } from './protocol.ts';
import type { ComputeRuntime } from './runtime.ts';

export interface HandlerContext {
  /** The request id (for logs). */
  id: number;
  /** Aborted when the page cancels this request; check it with throwIfCancelled. */
  signal: AbortSignal;
  onProgress(p: Progress): void;
  /** Marks buffers of the result to be transferred, not copied (they must not be kept here). */
  transfer(...buffers: Transferable[]): void;
  notice(n: Notice): void;
  runtime: ComputeRuntime;
}

export interface HandlerSpec<K extends RequestKind> {
  run(params: ParamsOf<K>, ctx: HandlerContext): Promise<ResultOf<K>>;
  /** Ensure a backend is initialised before running (default true). */
  needsBackend?: boolean;
  /** On a non-LabError failure on WebGPU, switch to WASM and run once more (default true). */
  retryOnWasm?: boolean;
  /** Run at once instead of after the requests before it (default false: one at a time). */
  concurrent?: boolean;
}

export type HandlerMap = { [K in RequestKind]: HandlerSpec<K> };

/** Identity helper that types a handler by its request kind. */
export function defineHandler<K extends RequestKind>(_kind: K, spec: HandlerSpec<K>): HandlerSpec<K> {
  return spec;
}

// Worker-side request dispatch: routes each request to its handler, runs requests one at a time
// (unless a handler is `concurrent`), forwards progress, honours cancel-by-id, and on a WebGPU
// failure that is not the input's fault switches to WASM, tells the user and runs it again.
// Pure of TensorFlow.js and of `self`, so it is unit-tested in Node with a fake runtime.
import { isLabError } from '../common/errors.ts';
import { throwIfCancelled } from '../common/progress.ts';
import type { HandlerContext, HandlerMap, HandlerSpec } from './handler.ts';
import type { FromWorker, Notice, RequestKind, RequestMessage, ToWorker } from './protocol.ts';
import type { ComputeRuntime } from './runtime.ts';
import { toWireError } from './wire-error.ts';

export type Post = (msg: FromWorker, transfer?: Transferable[]) => void;

export interface DispatcherOptions {
  handlers: HandlerMap;
  runtime: ComputeRuntime;
  post: Post;
}

export function createDispatcher({ handlers, runtime, post }: DispatcherOptions): (msg: ToWorker) => void {
  const running = new Map<number, AbortController>();
  let queue: Promise<unknown> = Promise.resolve();

  const notice = (n: Notice) => post({ type: 'notice', notice: n });

  async function execute(msg: RequestMessage, spec: HandlerSpec<RequestKind>, abort: AbortController): Promise<void> {
    const transfer: Transferable[] = [];
    const ctx: HandlerContext = {
      id: msg.id,
      signal: abort.signal,
      onProgress: (progress) => post({ type: 'progress', id: msg.id, progress }),
      transfer: (...buffers) => transfer.push(...buffers),
      notice,
      runtime,
    };
    try {
      throwIfCancelled(abort.signal, msg.kind);
      if (spec.needsBackend !== false) await runtime.ensure();
      const startedOn = runtime.current()?.name;
      let result: unknown;
      try {
        result = await spec.run(msg.params as never, ctx);
      } catch (e) {
        if (!shouldRetry(spec, e, abort.signal, startedOn)) throw e;
        const why = e instanceof Error ? e.message : String(e);
        const message = `"${msg.kind}" failed on WebGPU (${why}); switched to WASM and ran it again.`;
        // A device-loss handler may already have switched; switch only if still on WebGPU.
        if (runtime.current()?.name === 'webgpu') await runtime.fallBack('wasm', message);
        notice({ code: 'retried', message });
        transfer.length = 0;
        result = await spec.run(msg.params as never, ctx);
      }
      post({ type: 'result', id: msg.id, result, backend: runtime.current()?.name ?? null }, transfer);
    } catch (e) {
      post({ type: 'error', id: msg.id, error: toWireError(e) });
    } finally {
      running.delete(msg.id);
    }
  }

  function shouldRetry(spec: HandlerSpec<RequestKind>, e: unknown, signal: AbortSignal, startedOn?: string): boolean {
    return spec.retryOnWasm !== false && !signal.aborted && !isLabError(e) && startedOn === 'webgpu';
  }

  return (msg: ToWorker) => {
    if (msg.type === 'cancel') {
      running.get(msg.id)?.abort();
      return;
    }
    const spec = handlers[msg.kind] as HandlerSpec<RequestKind> | undefined;
    if (!spec) {
      post({ type: 'error', id: msg.id, error: { name: 'Error', message: `unknown request "${msg.kind}"`, code: 'internal' } });
      return;
    }
    const abort = new AbortController();
    running.set(msg.id, abort);
    if (spec.concurrent) {
      void execute(msg, spec, abort);
    } else {
      queue = queue.then(() => execute(msg, spec, abort));
    }
  };
}

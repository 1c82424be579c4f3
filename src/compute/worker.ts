// The compute worker: owns TensorFlow.js in the browser. Wires the dispatcher (protocol.ts) to
// `self`, with the browser runtime (backend choice, device-loss fallback) and the handler map.
import { createDispatcher } from './dispatcher.ts';
import { handlers } from './handlers/index.ts';
import type { FromWorker, ToWorker } from './protocol.ts';
import { BrowserRuntime } from './browser/runtime.ts';

const scope = self as unknown as {
  postMessage(msg: FromWorker, transfer: Transferable[]): void;
  addEventListener(type: 'message', fn: (e: MessageEvent<ToWorker>) => void): void;
};

const post = (msg: FromWorker, transfer: Transferable[] = []) => scope.postMessage(msg, transfer);

const runtime = new BrowserRuntime({
  notice: (notice) => post({ type: 'notice', notice }),
  backend: (choice) => post({ type: 'backend', choice }),
});

const dispatch = createDispatcher({ handlers, runtime, post });
scope.addEventListener('message', (e) => dispatch(e.data));

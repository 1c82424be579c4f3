// What request handlers may ask of the worker's backend state. The browser implementation is
// browser/runtime.ts; unit tests use a fake. Only the runtime switches TensorFlow.js backends.
import type { BackendChoice, BackendName } from './types.ts';

export interface ComputeRuntime {
  /** The active backend, or null before the first init. */
  current(): BackendChoice | null;
  /** Chooses (or forces) a backend and initialises it; falls down the list if one fails. */
  init(force?: BackendName): Promise<BackendChoice>;
  /** The active backend, initialising the chooser's pick first if nothing is set up yet. */
  ensure(): Promise<BackendChoice>;
  /** Leaves a failing backend for `to`, with a sentence saying why (shown to the user). */
  fallBack(to: BackendName, reason: string): Promise<BackendChoice>;
  /** Destroys the WebGPU device as a driver reset would (diagnostics); false if not on WebGPU. */
  loseDevice(): Promise<boolean>;
}

// `init` request: choose (or force) the backend in the worker. Result: the BackendChoice.
import type { BackendChoice, BackendName } from '../types.ts';

export interface InitParams {
  /** The user's forced backend; omitted = let the chooser decide. */
  force?: BackendName;
}

export type InitResult = BackendChoice;

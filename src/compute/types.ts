// Public types of the compute part: which TensorFlow.js backend runs, and why.
export type BackendName = 'webgpu' | 'wasm' | 'webgl' | 'cpu';

export const BACKEND_PREFERENCE: readonly BackendName[] = ['webgpu', 'wasm', 'webgl', 'cpu'];

export interface BackendChoice {
  /** The backend TensorFlow.js is now using. */
  name: BackendName;
  /** One sentence a user can read: why this backend was picked (or what failed). */
  reason: string;
  /** Facts gathered while choosing, e.g. the WebGPU adapter description. */
  facts: Record<string, string | number | boolean>;
}

export function isBackendName(s: string): s is BackendName {
  return (BACKEND_PREFERENCE as readonly string[]).includes(s);
}

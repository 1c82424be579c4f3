// The messages between the parallel step (parallel-step.ts, main thread) and a gradient worker
// (grad-worker-node.ts). Parameters go main -> workers and gradients workers -> main through
// SharedArrayBuffers (float32, the parameters in the model's key order, concatenated); the
// batch part and the per-sample losses travel in the messages.
import type { UNetConfig } from '../unet/config.ts';

export interface GradWorkerData {
  /** The main thread's backend ('wasm' or 'cpu'). */
  backend: string;
  config: UNetConfig;
  /** The current parameters, written by the main thread before each job. */
  params: SharedArrayBuffer;
  /** This worker's summed, weighted gradients, written before it answers. */
  grads: SharedArrayBuffer;
}

/** Main -> worker: the gradients of a batch part [n, 128, frames, 1]. */
export interface GradJob {
  kind: 'grads';
  job: number;
  x: Float32Array;
  noise: Float32Array;
  sigma: Float32Array;
  shape: [number, number, number, number];
  microBatch: number;
  /** The whole batch's size (micro-batch weights are n / total). */
  total: number;
}

export type FromGradWorker =
  | { kind: 'ready'; keys: string[]; sizes: number[] }
  | { kind: 'grads'; job: number; loss: number; perSample: Float32Array; ms: number }
  | { kind: 'error'; job: number; message: string };

/** Splits a batch of B into `parts` contiguous ranges of near-equal size (the first get one more); empty ones left out. */
export function splitBatch(B: number, parts: number): [number, number][] {
  const out: [number, number][] = [];
  let start = 0;
  for (let i = 0; i < parts; i++) {
    const n = Math.floor(B / parts) + (i < B % parts ? 1 : 0);
    if (n > 0) out.push([start, start + n]);
    start += n;
  }
  return out;
}

// The page's one compute client: a module worker that owns TensorFlow.js (src/compute/worker.ts).
// Created on first use so nothing heavy loads before the page paints.
import { ComputeClient } from '../compute/client.ts';

let client: ComputeClient | null = null;

export function compute(): ComputeClient {
  client ??= new ComputeClient(
    new Worker(new URL('../compute/worker.ts', import.meta.url), { type: 'module', name: 'diffpir-compute' }),
  );
  return client;
}

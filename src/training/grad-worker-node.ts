// Node worker thread of the parallel training step (parallel-step.ts): its own TensorFlow.js
// backend and its own copy of the U-Net. Per job it loads the parameters the main thread wrote,
// computes the summed, weighted gradients of its batch part exactly as the single-thread step
// does (grads.ts), writes them to its shared buffer and answers with the loss and per-sample losses.
import * as tf from '@tensorflow/tfjs';
import { parentPort, workerData } from 'node:worker_threads';
import { initNodeBackend } from '../compute/node.ts';
import { createUNet } from '../unet/model.ts';
import { randomInitWeights } from '../unet/randomInit.ts';
import { batchGradients } from './grads.ts';
import type { FromGradWorker, GradJob, GradWorkerData } from './parallel-protocol.ts';

const data = workerData as GradWorkerData;
const post = (m: FromGradWorker, transfer: ArrayBuffer[] = []) => parentPort!.postMessage(m, transfer);

await initNodeBackend(data.backend);
// The values are replaced by the main thread's before every job.
const model = createUNet(data.config, randomInitWeights(data.config, 0), { trainable: true });
const params = [...(model.params as Map<string, tf.Variable>)];
const paramsIn = new Float32Array(data.params);
const gradsOut = new Float32Array(data.grads);

parentPort!.on('message', (m: GradJob) => {
  const t0 = performance.now();
  try {
    let off = 0;
    for (const [, v] of params) {
      tf.tidy(() => v.assign(tf.tensor(paramsIn.slice(off, off + v.size), v.shape)));
      off += v.size;
    }
    const x = tf.tensor4d(m.x, m.shape);
    const noise = tf.tensor4d(m.noise, m.shape);
    const sigma = tf.tensor1d(m.sigma);
    try {
      const r = batchGradients(model, x, noise, sigma, m.microBatch, m.total);
      off = 0;
      for (const [key, v] of params) {
        const g = r.grads[key];
        if (g === undefined) gradsOut.fill(0, off, off + v.size);
        else gradsOut.set(g.dataSync() as Float32Array, off);
        off += v.size;
      }
      tf.dispose(Object.values(r.grads));
      post({ kind: 'grads', job: m.job, loss: r.loss, perSample: r.perSample, ms: performance.now() - t0 }, [r.perSample.buffer as ArrayBuffer]);
    } finally {
      tf.dispose([x, noise, sigma]);
    }
  } catch (e) {
    post({ kind: 'error', job: m.job, message: e instanceof Error ? e.message : String(e) });
  }
});
post({ kind: 'ready', keys: params.map(([k]) => k), sizes: params.map(([, v]) => v.size) });

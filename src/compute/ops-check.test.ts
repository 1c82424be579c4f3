import { describe, expect, it } from 'vitest';
import * as tf from '@tensorflow/tfjs';
import { initNodeBackend } from './node.ts';
import { checkOpsAgainstCpu, OPS_CHECKED } from './ops-check.ts';

describe('checkOpsAgainstCpu', () => {
  it('matches CPU on the WASM backend and restores the backend', async () => {
    await initNodeBackend('wasm');
    const before = tf.memory().numTensors;
    const r = await checkOpsAgainstCpu();
    expect(tf.getBackend()).toBe('wasm');
    expect(r.backend).toBe('wasm');
    expect(r.rows.map((x) => x.op)).toEqual(OPS_CHECKED);
    expect(r.rows.find((x) => x.op === 'conv2d')?.shape).toEqual([1, 8, 8, 6]);
    expect(r.maxAbsError).toBeLessThanOrEqual(1e-5);
    expect(tf.memory().numTensors).toBe(before);
  });
});

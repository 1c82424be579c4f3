// Named weights (TF.js layout) -> parameter tensors, checked key by key against the config.
import * as tf from '@tensorflow/tfjs';
import { LabError } from '../common/errors.ts';
import type { UNetConfig } from './config.ts';
import type { NamedWeights } from '../weights/types.ts';
import { expectedWeightSpecs, tfjsShape } from './shapes.ts';

/** Checks named weights against the config and makes tensors (or variables) of them. */
export function weightsToParams(cfg: UNetConfig, weights: NamedWeights, trainable = false): Map<string, tf.Tensor> {
  const params = new Map<string, tf.Tensor>();
  try {
    for (const [key, spec] of expectedWeightSpecs(cfg)) {
      const w = weights.get(key);
      const want = tfjsShape(spec.torchShape, spec.kind);
      if (w === undefined) throw new LabError(`weights: missing ${key} (expected shape [${want.join(', ')}], TF.js layout)`);
      if (w.shape.length !== want.length || w.shape.some((s, i) => s !== want[i])) {
        throw new LabError(`weights: ${key} has shape [${w.shape.join(', ')}] but the config implies [${want.join(', ')}] (TF.js layout)`);
      }
      const size = want.reduce((a, b) => a * b, 1);
      if (w.data.length !== size) throw new LabError(`weights: ${key} holds ${w.data.length} values, shape [${want.join(', ')}] needs ${size}`);
      const t = tf.tensor(w.data, want, 'float32');
      params.set(key, trainable ? tf.variable(t, true, key) : t);
      if (trainable) t.dispose();
    }
  } catch (e) {
    for (const t of params.values()) t.dispose();
    throw e;
  }
  return params;
}

// Seeded random weights with PyTorch's default initialisation (kaiming-uniform convs and Linears
// and their biases, unit/zero norms, N(0,1) time frequencies and null embedding), in TF.js layout.
// Deterministic for a seed; the "random-init" control model and the benchmarks use it.
import type { UNetConfig } from './config.ts';
import type { NamedWeights } from '../weights/types.ts';
import { expectedWeightSpecs, tfjsShape } from './shapes.ts';

/** A small, fast, seeded PRNG (mulberry32) giving uniforms in [0, 1). */
export function seededUniform(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Standard normals from a uniform source (Box-Muller, both values used). */
function normals(uniform: () => number, out: Float32Array): void {
  for (let i = 0; i < out.length; i += 2) {
    const r = Math.sqrt(-2 * Math.log(1 - uniform()));
    const th = 2 * Math.PI * uniform();
    out[i] = r * Math.cos(th);
    if (i + 1 < out.length) out[i + 1] = r * Math.sin(th);
  }
}

/** Random weights for every key the config implies, PyTorch-default distributions, TF.js layout. */
export function randomInitWeights(cfg: UNetConfig, seed: number): NamedWeights {
  const uniform = seededUniform(seed);
  const out: NamedWeights = new Map();
  for (const [key, spec] of expectedWeightSpecs(cfg)) {
    const shape = tfjsShape(spec.torchShape, spec.kind);
    const data = new Float32Array(shape.reduce((a, b) => a * b, 1));
    const init = spec.init;
    if (init.dist === 'uniform') {
      const b = init.bound;
      for (let i = 0; i < data.length; i++) data[i] = (2 * uniform() - 1) * b;
    } else if (init.dist === 'normal') {
      normals(uniform, data);
    } else if (init.dist === 'ones') {
      data.fill(1);
    }
    out.set(key, { shape, data });
  }
  return out;
}

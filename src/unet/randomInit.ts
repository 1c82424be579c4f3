// Seeded random weights with PyTorch's default initialisation (kaiming-uniform convs and Linears
// and their biases, unit/zero norms, N(0,1) time frequencies and null embedding), in TF.js layout.
// Deterministic for a seed; the "random-init" control model and the benchmarks use it.
import type { UNetConfig } from './config.ts';
import type { NamedWeights } from '../weights/types.ts';
import { expectedWeightSpecs, tfjsShape } from './shapes.ts';

/** A small, fast, seeded PRNG (mulberry32), filling arrays in tight loops. */
export class SeededRandom {
  private state: number;
  constructor(seed: number) {
    this.state = seed >>> 0;
  }
  /** One uniform in [0, 1). */
  next(): number {
    let t = (this.state = (this.state + 0x6d2b79f5) >>> 0);
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }
  /** Fills `out` with U(-bound, bound). */
  fillUniform(out: Float32Array, bound: number): void {
    let a = this.state;
    const scale = (2 * bound) / 4294967296;
    for (let i = 0; i < out.length; i++) {
      let t = (a = (a + 0x6d2b79f5) >>> 0);
      t = Math.imul(t ^ (t >>> 15), t | 1);
      t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
      out[i] = ((t ^ (t >>> 14)) >>> 0) * scale - bound;
    }
    this.state = a;
  }
  /** Fills `out` with standard normals (Box-Muller, both values used). */
  fillNormal(out: Float32Array): void {
    for (let i = 0; i < out.length; i += 2) {
      const r = Math.sqrt(-2 * Math.log(1 - this.next()));
      const th = 2 * Math.PI * this.next();
      out[i] = r * Math.cos(th);
      if (i + 1 < out.length) out[i + 1] = r * Math.sin(th);
    }
  }
}

/** Random weights for every key the config implies, PyTorch-default distributions, TF.js layout. */
export function randomInitWeights(cfg: UNetConfig, seed: number): NamedWeights {
  const rng = new SeededRandom(seed);
  const out: NamedWeights = new Map();
  for (const [key, spec] of expectedWeightSpecs(cfg)) {
    const shape = tfjsShape(spec.torchShape, spec.kind);
    const data = new Float32Array(shape.reduce((a, b) => a * b, 1));
    const init = spec.init;
    if (init.dist === 'uniform') rng.fillUniform(data, init.bound);
    else if (init.dist === 'normal') rng.fillNormal(data);
    else if (init.dist === 'ones') data.fill(1);
    out.set(key, { shape, data });
  }
  return out;
}

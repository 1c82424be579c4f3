// Named trainable parameters of a head (or the Han CNN): declared as shapes, initialised from a
// seed (Glorot-uniform weights, zero biases), counted, snapshotted for early stopping, and
// serialised to a tfjs-style weight spec list plus one little-endian float32 buffer.
import * as tf from '@tensorflow/tfjs';
import { LabError, check } from '../common/errors.ts';
import { Rng } from './rng.ts';

export interface ParamDecl {
  name: string;
  shape: number[];
  /** 'glorot' uses fanIn/fanOut; 'zeros' for biases; 'ones' for scales. */
  init: 'glorot' | 'zeros' | 'ones';
  fanIn?: number;
  fanOut?: number;
  /** false for constants stored with the weights (e.g. feature normalisation); default true. */
  trainable?: boolean;
}

export interface WeightSpec {
  name: string;
  shape: number[];
  dtype: 'float32';
}

/** Trainable parameter count. */
export function countParams(decls: readonly ParamDecl[]): number {
  return decls.filter((d) => d.trainable !== false).reduce((n, d) => n + size(d.shape), 0);
}

export class ParamSet {
  readonly vars: Map<string, tf.Variable>;

  private constructor(readonly decls: readonly ParamDecl[], vars: Map<string, tf.Variable>) {
    this.vars = vars;
  }

  /** Fresh parameters from a seed. */
  static init(decls: readonly ParamDecl[], seed: number): ParamSet {
    const rng = new Rng(seed);
    const vars = new Map<string, tf.Variable>();
    for (const d of decls) {
      const n = size(d.shape);
      let values: Float32Array;
      if (d.init === 'glorot') {
        const fanIn = d.fanIn ?? d.shape[0];
        const fanOut = d.fanOut ?? d.shape[d.shape.length - 1];
        values = rng.uniform(n, Math.sqrt(6 / (fanIn + fanOut)));
      } else {
        values = new Float32Array(n).fill(d.init === 'ones' ? 1 : 0);
      }
      vars.set(d.name, makeVariable(values, d));
    }
    return new ParamSet(decls, vars);
  }

  /** Parameters from saved specs and data, checked against the declarations. */
  static fromData(decls: readonly ParamDecl[], specs: readonly WeightSpec[], data: Float32Array, what: string): ParamSet {
    const byName = new Map(specs.map((s) => [s.name, s]));
    let offset = 0;
    const offsets = new Map<string, number>();
    for (const s of specs) {
      offsets.set(s.name, offset);
      offset += size(s.shape);
    }
    if (offset !== data.length) {
      throw new LabError(`${what}: weights hold ${data.length} values but the specs need ${offset}`);
    }
    const vars = new Map<string, tf.Variable>();
    for (const d of decls) {
      const s = byName.get(d.name);
      check(s !== undefined, `${what}: weight "${d.name}" is missing`);
      check(sameShape(s.shape, d.shape), `${what}: weight "${d.name}" has shape [${s.shape}], expected [${d.shape}]`);
      const start = offsets.get(d.name)!;
      vars.set(d.name, makeVariable(data.slice(start, start + size(d.shape)), d));
    }
    return new ParamSet(decls, vars);
  }

  get(name: string): tf.Variable {
    const v = this.vars.get(name);
    if (!v) throw new LabError(`parameter "${name}" does not exist`);
    return v;
  }

  /** The trainable variables (what the optimiser updates). */
  trainable(): tf.Variable[] {
    return this.decls.filter((d) => d.trainable !== false).map((d) => this.get(d.name));
  }

  /** Overwrites a (typically non-trainable) parameter's values. */
  set(name: string, values: Float32Array): void {
    const v = this.get(name);
    check(values.length === v.size, `parameter "${name}": ${values.length} values for shape [${v.shape}]`);
    tf.tidy(() => v.assign(tf.tensor(values, v.shape)));
  }

  count(): number {
    return countParams(this.decls);
  }

  /** Copies of the current values (caller disposes, or passes to restore()). */
  snapshot(): Map<string, tf.Tensor> {
    return new Map([...this.vars].map(([k, v]) => [k, tf.keep(v.clone())]));
  }

  restore(snapshot: Map<string, tf.Tensor>): void {
    for (const [k, v] of this.vars) v.assign(snapshot.get(k)!);
  }

  /** Weight specs (declaration order) and their values concatenated as float32. */
  async toData(): Promise<{ specs: WeightSpec[]; data: Float32Array }> {
    const specs = this.decls.map((d) => ({ name: d.name, shape: [...d.shape], dtype: 'float32' as const }));
    const data = new Float32Array(this.decls.reduce((n, d) => n + size(d.shape), 0));
    let offset = 0;
    for (const d of this.decls) {
      const values = await this.get(d.name).data();
      data.set(values as Float32Array, offset);
      offset += values.length;
    }
    return { specs, data };
  }

  dispose(): void {
    for (const v of this.vars.values()) v.dispose();
    this.vars.clear();
  }
}

function makeVariable(values: Float32Array, d: ParamDecl): tf.Variable {
  const initial = tf.tensor(values, d.shape, 'float32');
  const v = tf.variable(initial, d.trainable !== false);
  initial.dispose();
  return v;
}

export function disposeSnapshot(snapshot: Map<string, tf.Tensor> | undefined): void {
  if (snapshot) for (const t of snapshot.values()) t.dispose();
}

export function size(shape: readonly number[]): number {
  return shape.reduce((a, b) => a * b, 1);
}

function sameShape(a: readonly number[], b: readonly number[]): boolean {
  return a.length === b.length && a.every((x, i) => x === b[i]);
}

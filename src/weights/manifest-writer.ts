// Writes weights into the sharded manifest format (manifest.ts), streaming: the writer is given the
// list of weights up front (so shard names "groupN-shardIofM.bin" are known), then each tensor in
// that order; a shard is handed to `sink` as soon as it is full, so at most one shard is buffered.
import { LabError } from '../common/errors.ts';
import { encodeFloat16, encodeFloat32 } from './dtypes.ts';
import { listBriefly } from './keys.ts';
import { DEFAULT_SHARD_BYTES, MODEL_FORMAT, type ManifestWeight, type ModelJson } from './manifest.ts';
import type { WeightTensor } from './types.ts';

export type ShardSink = (fileName: string, bytes: Uint8Array) => Promise<void>;

export interface ManifestWriterOptions {
  /** Store float16 (half the size; values rounded to nearest, |x| > 65504 becomes Inf). */
  float16?: boolean;
  shardBytes?: number;
  generatedBy?: string;
  convertedFrom?: string;
}

export class ManifestWriter {
  private readonly plan: { name: string; shape: number[] }[];
  private readonly shardBytes: number;
  private readonly paths: string[];
  private readonly byteLengths: number[] = [];
  private buffer: Uint8Array;
  private filled = 0;
  private next = 0;
  private readonly overflowed: string[] = [];

  /** `plan`: every weight's canonical key and TF.js shape, in the order `add` will be called. */
  constructor(plan: { name: string; shape: number[] }[], private readonly sink: ShardSink, private readonly opts: ManifestWriterOptions = {}) {
    this.plan = plan.map((p) => ({ name: p.name, shape: [...p.shape] }));
    this.shardBytes = opts.shardBytes ?? DEFAULT_SHARD_BYTES;
    if (!Number.isSafeInteger(this.shardBytes) || this.shardBytes < 4) throw new LabError(`shard size must be an integer >= 4, got ${this.shardBytes}`);
    const width = opts.float16 ? 2 : 4;
    const total = this.plan.reduce((s, p) => s + width * p.shape.reduce((a, b) => a * b, 1), 0);
    const count = Math.max(1, Math.ceil(total / this.shardBytes));
    this.paths = Array.from({ length: count }, (_, i) => `group1-shard${i + 1}of${count}.bin`);
    this.buffer = new Uint8Array(Math.min(this.shardBytes, total));
  }

  /** Adds the next planned tensor (TF.js layout). */
  async add(name: string, tensor: WeightTensor): Promise<void> {
    const expected = this.plan[this.next];
    if (!expected || expected.name !== name || expected.shape.join() !== tensor.shape.join()) {
      throw new LabError(`internal: weight ${name} [${tensor.shape}] added out of plan (expected ${expected?.name} [${expected?.shape}])`);
    }
    this.next++;
    let bytes: Uint8Array;
    if (this.opts.float16) {
      bytes = encodeFloat16(tensor.data);
      if (countNewInfinities(tensor.data, bytes) > 0) this.overflowed.push(name);
    } else {
      bytes = encodeFloat32(tensor.data);
    }
    let at = 0;
    while (at < bytes.length) {
      const n = Math.min(bytes.length - at, this.buffer.length - this.filled);
      this.buffer.set(bytes.subarray(at, at + n), this.filled);
      this.filled += n;
      at += n;
      if (this.filled === this.buffer.length) await this.flush();
    }
  }

  private async flush(): Promise<void> {
    const name = this.paths[this.byteLengths.length];
    if (name === undefined) throw new LabError('internal: more shard data than planned');
    const shard = this.buffer.subarray(0, this.filled);
    this.byteLengths.push(shard.length);
    this.buffer = new Uint8Array(this.buffer.length);
    this.filled = 0;
    await this.sink(name, shard);
  }

  /** Flushes the last shard and returns model.json's content. */
  async finish(): Promise<ModelJson> {
    if (this.next !== this.plan.length) throw new LabError(`internal: ${this.plan.length - this.next} planned weights were not added`);
    if (this.filled > 0 || this.byteLengths.length < this.paths.length) await this.flush();
    const weights: ManifestWeight[] = this.plan.map((p) =>
      this.opts.float16 ? { name: p.name, shape: p.shape, dtype: 'float32', quantization: { dtype: 'float16' } } : { name: p.name, shape: p.shape, dtype: 'float32' },
    );
    return {
      format: MODEL_FORMAT,
      formatVersion: 1,
      layout: 'tfjs',
      generatedBy: this.opts.generatedBy ?? 'diffpir-lab',
      ...(this.opts.convertedFrom ? { convertedFrom: this.opts.convertedFrom } : {}),
      weightsManifest: [{ paths: this.paths, weights, byteLengths: this.byteLengths }],
    };
  }

  /** Warnings about float16 storage (values that overflowed to Inf). */
  get warnings(): string[] {
    return this.overflowed.length > 0 ? [`float16 storage: values beyond +-65504 became Inf in ${this.overflowed.length} weights: ${listBriefly(this.overflowed)}`] : [];
  }
}

/** Finite float32 values whose float16 encoding is Inf. */
function countNewInfinities(values: Float32Array, f16: Uint8Array): number {
  let n = 0;
  for (let i = 0; i < values.length; i++) {
    if ((f16[2 * i + 1] & 0x7c) === 0x7c && (f16[2 * i] | (f16[2 * i + 1] & 0x03)) === 0 && Number.isFinite(values[i])) n++;
  }
  return n;
}

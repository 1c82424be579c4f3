// readSafetensors: a whole checkpoint as NamedWeights (canonical keys, TF.js layout by default),
// read one tensor at a time from any ByteSource (a Node file, a dropped File, bytes in memory).
import type { JobOptions } from '../common/progress.ts';
import type { ByteSource } from './bytesource.ts';
import { toTfjsLayout } from './layout.ts';
import { openCheckpoint, streamCheckpoint } from './safetensors.ts';
import type { NamedWeights } from './types.ts';

export interface ReadSafetensorsOptions extends JobOptions {
  /** 'tfjs' (default) transposes convs and Linears for TF.js; 'torch' keeps the stored layout. */
  layout?: 'tfjs' | 'torch';
}

export interface ReadSafetensorsResult {
  tensors: NamedWeights;
  /** Problems that did not stop the read: NaN/Inf weights, ignored keys, differing copies. */
  warnings: string[];
  /** The file's `__metadata__`. */
  metadata: Record<string, string>;
  /** The prefix the network was read from: 'net.', 'diffusion.net.', ..., or '' (bare). */
  prefix: string;
}

export async function readSafetensors(source: ByteSource, opts: ReadSafetensorsOptions = {}): Promise<ReadSafetensorsResult> {
  const ckpt = await openCheckpoint(source);
  const tensors: NamedWeights = new Map();
  const tfjs = (opts.layout ?? 'tfjs') === 'tfjs';
  await streamCheckpoint(ckpt, (key, t) => void tensors.set(key, tfjs ? toTfjsLayout(key, t) : t), opts);
  return { tensors, warnings: ckpt.warnings, metadata: ckpt.header.metadata, prefix: ckpt.selection.prefix };
}

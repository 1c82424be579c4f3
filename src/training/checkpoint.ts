// Training checkpoints: <dir>/checkpoint.safetensors (parameters as `param/<key>`, Adam moments
// as `adam_m/<key>` and `adam_v/<key>`, float32, bit-exact) and <dir>/checkpoint.json (step,
// generator state, batch order, options, normalisation, elapsed time). Both are written to a
// temporary name and renamed, the JSON last, so an interrupted save leaves the previous
// checkpoint readable.
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import * as tf from '@tensorflow/tfjs';
import { LabError } from '../common/errors.ts';
import { bytesSource } from '../weights/bytesource.ts';
import { readSafetensorsHeader } from '../weights/safetensors-header.ts';
import { readTensorData } from '../weights/safetensors.ts';
import { encodeSafetensorsF32 } from '../weights/safetensors-write.ts';
import type { AdamState } from './adam.ts';
import type { PrngState } from './prng.ts';

export const CHECKPOINT_TENSORS = 'checkpoint.safetensors';
export const CHECKPOINT_JSON = 'checkpoint.json';

/** Everything besides tensors that a resumed run needs to continue exactly. */
export interface TrainState {
  format: 'diffpir-train-checkpoint';
  /** Updates applied. */
  step: number;
  prng: PrngState;
  /** The current epoch's clip order and the position in it. */
  order: number[];
  cursor: number;
  /** Training seconds so far (over all sessions). */
  elapsedSec: number;
  /** The run's settings (a resume must match them). */
  settings: Record<string, unknown>;
}

export interface Checkpoint {
  state: TrainState;
  params: Map<string, Float32Array>;
  m: Map<string, Float32Array>;
  v: Map<string, Float32Array>;
}

function atomicWrite(file: string, bytes: Uint8Array | string): void {
  writeFileSync(`${file}.tmp`, bytes);
  renameSync(`${file}.tmp`, file);
}

/** Saves parameters, Adam state and the train state into `dir`. */
export function saveCheckpoint(dir: string, params: Map<string, tf.Tensor>, adam: AdamState, state: TrainState): void {
  mkdirSync(dir, { recursive: true });
  const entries: [string, { shape: number[]; data: Float32Array }][] = [];
  const add = (prefix: string, map: Map<string, tf.Tensor>) => {
    for (const [k, t] of map) entries.push([`${prefix}/${k}`, { shape: t.shape, data: t.dataSync() as Float32Array }]);
  };
  add('param', params);
  add('adam_m', adam.m);
  add('adam_v', adam.v);
  atomicWrite(path.join(dir, CHECKPOINT_TENSORS), encodeSafetensorsF32(entries, { format: 'diffpir-train-checkpoint' }));
  atomicWrite(path.join(dir, CHECKPOINT_JSON), `${JSON.stringify(state)}\n`);
}

export function hasCheckpoint(dir: string): boolean {
  return existsSync(path.join(dir, CHECKPOINT_JSON)) && existsSync(path.join(dir, CHECKPOINT_TENSORS));
}

/** Reads a checkpoint written by saveCheckpoint. */
export async function loadCheckpoint(dir: string): Promise<Checkpoint> {
  if (!hasCheckpoint(dir)) throw new LabError(`${dir}: no training checkpoint (${CHECKPOINT_JSON} + ${CHECKPOINT_TENSORS}) to resume from`);
  let state: TrainState;
  try {
    state = JSON.parse(readFileSync(path.join(dir, CHECKPOINT_JSON), 'utf8')) as TrainState;
  } catch (e) {
    throw new LabError(`${dir}/${CHECKPOINT_JSON}: unreadable (${(e as Error).message})`);
  }
  if (state.format !== 'diffpir-train-checkpoint') throw new LabError(`${dir}/${CHECKPOINT_JSON}: not a training checkpoint`);
  const file = path.join(dir, CHECKPOINT_TENSORS);
  const source = bytesSource(new Uint8Array(readFileSync(file)), file);
  const header = await readSafetensorsHeader(source);
  const out: Checkpoint = { state, params: new Map(), m: new Map(), v: new Map() };
  for (const e of header.entries) {
    const slash = e.name.indexOf('/');
    const group = e.name.slice(0, slash);
    const key = e.name.slice(slash + 1);
    const target = group === 'param' ? out.params : group === 'adam_m' ? out.m : group === 'adam_v' ? out.v : undefined;
    if (target === undefined) throw new LabError(`${file}: unexpected tensor "${e.name}"`);
    target.set(key, await readTensorData(source, e));
  }
  return out;
}

// Training checkpoints as bytes (no file system): the tensors as one float32 safetensors blob
// (parameters as `param/<key>`, Adam moments as `adam_m/<key>` and `adam_v/<key>`, the weight
// average as `ema/<key>` when the run keeps one, bit-exact)
// and the rest as JSON (step, generator state, batch order, options, normalisation, elapsed
// time). Where they are kept is a RunStore's business (run-store-node.ts, store/train-runs.ts).
import * as tf from '@tensorflow/tfjs';
import { LabError } from '../common/errors.ts';
import { bytesSource } from '../weights/bytesource.ts';
import { readSafetensorsHeader } from '../weights/safetensors-header.ts';
import { readTensorData } from '../weights/safetensors.ts';
import { encodeSafetensorsF32 } from '../weights/safetensors-write.ts';
import type { AdamState } from './adam.ts';
import type { EarlyStopState } from './early-stop.ts';
import type { PrngState } from './prng.ts';

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
  /** Early stopping so far (runs with --patience). */
  earlyStop?: EarlyStopState;
}

export interface Checkpoint {
  state: TrainState;
  params: Map<string, Float32Array>;
  m: Map<string, Float32Array>;
  v: Map<string, Float32Array>;
  /** The weight average (runs with TrainSettings.ema). */
  ema: Map<string, Float32Array>;
}

/** A checkpoint as stored: the tensors' safetensors bytes and the state's JSON text. */
export interface CheckpointBytes {
  tensors: Uint8Array;
  json: string;
}

/** Encodes parameters, Adam state and the train state (reads the tensors back). */
export function encodeCheckpoint(params: Map<string, tf.Tensor>, adam: AdamState, state: TrainState, ema?: Map<string, tf.Tensor>): CheckpointBytes {
  const entries: [string, { shape: number[]; data: Float32Array }][] = [];
  const add = (prefix: string, map: Map<string, tf.Tensor>) => {
    for (const [k, t] of map) entries.push([`${prefix}/${k}`, { shape: t.shape, data: t.dataSync() as Float32Array }]);
  };
  add('param', params);
  add('adam_m', adam.m);
  add('adam_v', adam.v);
  if (ema) add('ema', ema);
  return { tensors: encodeSafetensorsF32(entries, { format: 'diffpir-train-checkpoint' }), json: `${JSON.stringify(state)}\n` };
}

/** The parameters alone (early stopping's best weights), decodable by decodeCheckpoint's tensor part. */
export function encodeParams(params: Map<string, tf.Tensor>): Uint8Array {
  const entries: [string, { shape: number[]; data: Float32Array }][] = [];
  for (const [k, t] of params) entries.push([`param/${k}`, { shape: t.shape, data: t.dataSync() as Float32Array }]);
  return encodeSafetensorsF32(entries, { format: 'diffpir-train-best' });
}

/** Decodes what encodeCheckpoint made; `where` names the checkpoint in errors. */
export async function decodeCheckpoint(bytes: CheckpointBytes, where: string): Promise<Checkpoint> {
  let state: TrainState;
  try {
    state = JSON.parse(bytes.json) as TrainState;
  } catch (e) {
    throw new LabError(`${where}: checkpoint state unreadable (${(e as Error).message})`);
  }
  if (state?.format !== 'diffpir-train-checkpoint') throw new LabError(`${where}: not a training checkpoint`);
  const source = bytesSource(bytes.tensors, `${where} tensors`);
  const header = await readSafetensorsHeader(source);
  const out: Checkpoint = { state, params: new Map(), m: new Map(), v: new Map(), ema: new Map() };
  for (const e of header.entries) {
    const slash = e.name.indexOf('/');
    const group = e.name.slice(0, slash);
    const key = e.name.slice(slash + 1);
    const target = group === 'param' ? out.params : group === 'adam_m' ? out.m : group === 'adam_v' ? out.v : group === 'ema' ? out.ema : undefined;
    if (target === undefined) throw new LabError(`${where}: unexpected tensor "${e.name}"`);
    target.set(key, await readTensorData(source, e));
  }
  return out;
}

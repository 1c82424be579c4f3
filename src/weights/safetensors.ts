// Reading a safetensors checkpoint tensor by tensor: the header is checked (safetensors-header.ts),
// the key grammar picks one copy of the network (keys.ts), and each selected tensor is read,
// decoded to float32 and handed on in torch layout. Nothing larger than one tensor is held here.
import { LabError } from '../common/errors.ts';
import { throwIfCancelled, type JobOptions } from '../common/progress.ts';
import type { ByteSource } from './bytesource.ts';
import { DECODABLE_DTYPES, SAFETENSORS_DTYPE_BYTES, decodeToFloat32, isDecodable } from './dtypes.ts';
import { listBriefly, selectCanonicalKeys, type KeySelection } from './keys.ts';
import { readSafetensorsHeader, type SafetensorsHeader, type TensorEntry } from './safetensors-header.ts';
import type { WeightTensor } from './types.ts';

export interface Checkpoint {
  source: ByteSource;
  header: SafetensorsHeader;
  selection: KeySelection;
  /** Canonical key -> its entry, in data order. */
  entries: Map<string, TensorEntry>;
  /** Bytes of tensor data the selected tensors (and aliases) occupy. */
  bytesToRead: number;
  warnings: string[];
}

/** Reads and checks the header and decides which tensors to read; reads no tensor data. */
export async function openCheckpoint(source: ByteSource): Promise<Checkpoint> {
  const header = await readSafetensorsHeader(source);
  const selection = selectCanonicalKeys(header.entries, source.name);
  const entries = new Map<string, TensorEntry>();
  for (const [key, name] of selection.tensors) entries.set(key, header.byName.get(name)!);
  const needed = [...entries.values(), ...selection.aliases.map((a) => header.byName.get(a.alias)!)];
  const undecodable = needed.filter((e) => !isDecodable(e.dtype));
  if (undecodable.length > 0) {
    const list = listBriefly(undecodable.map((e) => `${e.name} (${e.dtype})`));
    throw new LabError(`${source.name}: weights must be floating point (${DECODABLE_DTYPES.join(', ')}); found ${list}`);
  }
  if (entries.size === 0) throw new LabError(`${source.name}: holds no tensors of a UNetV0 network`);
  const bytesToRead = needed.reduce((s, e) => s + (e.end - e.begin), 0);
  return { source, header, selection, entries, bytesToRead, warnings: [...selection.warnings] };
}

/** One tensor's data, decoded to float32, in the stored (torch) layout. */
export async function readTensorData(source: ByteSource, entry: TensorEntry): Promise<Float32Array> {
  if (!isDecodable(entry.dtype)) throw new LabError(`${source.name}: tensor "${entry.name}" has dtype ${entry.dtype}, not a float`);
  const count = (entry.end - entry.begin) / SAFETENSORS_DTYPE_BYTES[entry.dtype];
  const bytes = await source.read(entry.begin, entry.end - entry.begin);
  // A source returns fresh bytes or views of its own memory; adopting only takes whole fresh buffers.
  return decodeToFloat32(bytes, entry.dtype, count, true);
}

/** Number of NaN and +-Inf values. */
export function countNonFinite(data: Float32Array): number {
  let n = 0;
  for (let i = 0; i < data.length; i++) if (!Number.isFinite(data[i])) n++;
  return n;
}

function sameBits(a: Float32Array, b: Float32Array): boolean {
  if (a.length !== b.length) return false;
  const ua = new Uint32Array(a.buffer, a.byteOffset, a.length);
  const ub = new Uint32Array(b.buffer, b.byteOffset, b.length);
  for (let i = 0; i < ua.length; i++) if (ua[i] !== ub[i]) return false;
  return true;
}

/**
 * Calls `onTensor(key, torchTensor)` for every canonical key in data order, one tensor in memory
 * at a time; checks the time-Linear aliases; adds NaN/Inf and alias warnings to checkpoint.warnings.
 * Progress counts bytes of tensor data read.
 */
export async function streamCheckpoint(
  ckpt: Checkpoint,
  onTensor: (key: string, tensor: WeightTensor) => void | Promise<void>,
  opts: JobOptions = {},
): Promise<void> {
  const { source, header, selection } = ckpt;
  const aliasOf = new Map(selection.aliases.map((a) => [a.main, a.alias]));
  const nonFinite: string[] = [];
  let done = 0;
  const stage = 'reading weights';
  opts.onProgress?.({ stage, done, total: ckpt.bytesToRead });
  for (const [key, entry] of ckpt.entries) {
    throwIfCancelled(opts.signal, 'reading weights');
    const data = await readTensorData(source, entry);
    done += entry.end - entry.begin;
    const bad = countNonFinite(data);
    if (bad > 0) nonFinite.push(`${key} (${bad} of ${data.length})`);
    const alias = aliasOf.get(entry.name);
    if (alias !== undefined) {
      const aliasEntry = header.byName.get(alias)!;
      const same = aliasEntry.shape.join() === entry.shape.join() && sameBits(await readTensorData(source, aliasEntry), data);
      done += aliasEntry.end - aliasEntry.begin;
      if (!same) ckpt.warnings.push(`${source.name}: "${alias}" should equal "${entry.name}" (the time Linear is shared) but differs; using "${entry.name}"`);
    }
    await onTensor(key, { shape: [...entry.shape], data });
    opts.onProgress?.({ stage, done, total: ckpt.bytesToRead, detail: key });
  }
  if (nonFinite.length > 0) {
    ckpt.warnings.push(`${source.name}: ${nonFinite.length} tensors contain NaN or Inf values: ${listBriefly(nonFinite)}`);
  }
}

// Parses and checks a safetensors header against the file it came from. Every size and offset is
// checked before anything is allocated or read: the header length must fit the file and stay under
// MAX_HEADER_BYTES; the header must be UTF-8 JSON, an object of tensor entries (+ `__metadata__`,
// string -> string); names unique, non-empty, without control characters; shapes of non-negative
// integers whose byte size equals the entry's data_offsets span; and, as the reference
// implementation requires, the tensors' byte ranges, sorted, tile the data region exactly
// (no overlap, no hole, nothing missing at the end, nothing trailing).
import { LabError } from '../common/errors.ts';
import { checkReadLength, type ByteSource } from './bytesource.ts';
import { SAFETENSORS_DTYPE_BYTES } from './dtypes.ts';
import { topLevelKeys } from './json-keys.ts';

export const MAX_HEADER_BYTES = 100 * 1024 * 1024;
const MAX_RANK = 8;
const MAX_NAME_LENGTH = 1024;

export interface TensorEntry {
  name: string;
  dtype: string;
  /** Shape as stored (torch layout). */
  shape: number[];
  /** Absolute byte range in the file. */
  begin: number;
  end: number;
}

export interface SafetensorsHeader {
  /** Entries in data order (sorted by offset). */
  entries: TensorEntry[];
  byName: Map<string, TensorEntry>;
  metadata: Record<string, string>;
  /** First byte of the data region. */
  dataStart: number;
}

/** Reads the 8-byte length and the JSON header from `source`, and checks them as described above. */
export async function readSafetensorsHeader(source: ByteSource): Promise<SafetensorsHeader> {
  const file = source.name;
  if (source.size < 8) throw new LabError(`${file}: not a safetensors file (${source.size} bytes, shorter than the 8-byte header length)`);
  const prefix = await source.read(0, 8);
  checkReadLength(source, prefix.length, 8, 0);
  const lenBig = new DataView(prefix.buffer, prefix.byteOffset, 8).getBigUint64(0, true);
  if (lenBig > BigInt(MAX_HEADER_BYTES)) {
    throw new LabError(`${file}: header length ${lenBig} bytes is larger than the ${MAX_HEADER_BYTES}-byte limit (corrupt or not a safetensors file)`);
  }
  const headerLength = Number(lenBig);
  if (8 + headerLength > source.size) {
    throw new LabError(`${file}: header length ${headerLength} bytes runs past the end of the file (${source.size} bytes; truncated or not a safetensors file)`);
  }
  if (headerLength < 2) throw new LabError(`${file}: header length ${headerLength} is too small for a JSON header`);
  const raw = await source.read(8, headerLength);
  checkReadLength(source, raw.length, headerLength, 8);
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(raw);
  } catch {
    throw new LabError(`${file}: header is not valid UTF-8 (corrupt or not a safetensors file)`);
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (e) {
    throw new LabError(`${file}: header is not valid JSON (${(e as Error).message})`);
  }
  if (typeof json !== 'object' || json === null || Array.isArray(json)) {
    throw new LabError(`${file}: header must be a JSON object, got ${Array.isArray(json) ? 'an array' : typeof json}`);
  }
  const seen = new Set<string>();
  for (const key of topLevelKeys(text)) {
    if (seen.has(key)) throw new LabError(`${file}: header names "${key}" twice`);
    seen.add(key);
  }
  const dataStart = 8 + headerLength;
  const dataLength = source.size - dataStart;
  let metadata: Record<string, string> = {};
  const entries: TensorEntry[] = [];
  for (const [name, value] of Object.entries(json as Record<string, unknown>)) {
    if (name === '__metadata__') {
      metadata = parseMetadata(file, value);
      continue;
    }
    entries.push(parseEntry(file, name, value, dataStart, dataLength));
  }
  entries.sort((a, b) => a.begin - b.begin || a.end - b.end);
  let cursor = dataStart;
  for (const e of entries) {
    if (e.begin < cursor) throw new LabError(`${file}: tensor "${e.name}" overlaps the tensor before it (starts at data byte ${e.begin - dataStart}, previous ends at ${cursor - dataStart})`);
    if (e.begin > cursor) throw new LabError(`${file}: gap in the data before tensor "${e.name}" (data bytes ${cursor - dataStart}..${e.begin - dataStart} belong to no tensor)`);
    cursor = e.end;
  }
  if (cursor < source.size) {
    throw new LabError(`${file}: ${source.size - cursor} bytes after the last tensor belong to no tensor (the header's tensors cover ${cursor - dataStart} of ${dataLength} data bytes)`);
  }
  return { entries, byName: new Map(entries.map((e) => [e.name, e])), metadata, dataStart };
}

function parseMetadata(file: string, value: unknown): Record<string, string> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new LabError(`${file}: "__metadata__" must be an object of strings`);
  }
  for (const [k, v] of Object.entries(value)) {
    if (typeof v !== 'string') throw new LabError(`${file}: "__metadata__"."${k}" must be a string, got ${JSON.stringify(v)?.slice(0, 40)}`);
  }
  return value as Record<string, string>;
}

function parseEntry(file: string, name: string, value: unknown, dataStart: number, dataLength: number): TensorEntry {
  const where = `${file}: tensor "${name.slice(0, 200)}"`;
  if (name.length === 0 || name.length > MAX_NAME_LENGTH || /[\u0000-\u001f\u007f]/.test(name)) {
    throw new LabError(`${file}: invalid tensor name ${JSON.stringify(name.slice(0, 80))} (empty, over ${MAX_NAME_LENGTH} characters, or with control characters)`);
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new LabError(`${where}: entry must be an object`);
  const { dtype, shape, data_offsets: offsets } = value as Record<string, unknown>;
  if (typeof dtype !== 'string') throw new LabError(`${where}: "dtype" must be a string`);
  if (!Object.hasOwn(SAFETENSORS_DTYPE_BYTES, dtype)) throw new LabError(`${where}: unknown dtype ${JSON.stringify(dtype.slice(0, 40))}`);
  const width = SAFETENSORS_DTYPE_BYTES[dtype];
  if (!Array.isArray(shape) || shape.length > MAX_RANK) throw new LabError(`${where}: "shape" must be a list of at most ${MAX_RANK} sizes`);
  for (const d of shape) {
    if (typeof d !== 'number' || !Number.isSafeInteger(d) || d < 0) {
      throw new LabError(`${where}: shape ${JSON.stringify(shape).slice(0, 80)} has a size that is not a non-negative integer`);
    }
  }
  if (!Array.isArray(offsets) || offsets.length !== 2 || !offsets.every((o) => typeof o === 'number' && Number.isSafeInteger(o) && o >= 0)) {
    throw new LabError(`${where}: "data_offsets" must be two non-negative integers`);
  }
  const [begin, end] = offsets as number[];
  if (begin > end) throw new LabError(`${where}: data_offsets [${begin}, ${end}] run backwards`);
  if (end > dataLength) {
    throw new LabError(`${where}: data_offsets [${begin}, ${end}] run past the end of the data (${dataLength} bytes; truncated file?)`);
  }
  // A product beyond 2^53 is inexact but then also larger than any span, so the comparison holds.
  const bytes = (shape as number[]).reduce((a, d) => a * d, width);
  if (bytes !== end - begin) {
    const need = bytes > dataLength ? `more than the file's ${dataLength} data bytes` : `${bytes} bytes`;
    throw new LabError(`${where}: shape ${JSON.stringify(shape).slice(0, 80)} ${dtype} needs ${need} but data_offsets [${begin}, ${end}] hold ${end - begin}`);
  }
  return { name, dtype, shape: shape as number[], begin: dataStart + begin, end: dataStart + end };
}

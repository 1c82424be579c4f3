// Writing safetensors: the header for a list of tensors (padded with spaces to 8 bytes, as the
// reference writer does) and whole files in memory. Used by tests, the benchmark and export.
import { LabError } from '../common/errors.ts';
import { SAFETENSORS_DTYPE_BYTES, encodeFloat32 } from './dtypes.ts';

export interface TensorSpec {
  name: string;
  dtype: string;
  shape: number[];
}

/** The 8-byte length + JSON header for `specs`, stored back to back in the given order. */
export function encodeSafetensorsHeader(specs: readonly TensorSpec[], metadata?: Record<string, string>): Uint8Array {
  const header: Record<string, unknown> = {};
  if (metadata) header.__metadata__ = metadata;
  let offset = 0;
  for (const s of specs) {
    const width = SAFETENSORS_DTYPE_BYTES[s.dtype];
    if (!Object.hasOwn(SAFETENSORS_DTYPE_BYTES, s.dtype)) throw new LabError(`cannot write dtype ${s.dtype}`);
    if (s.name in header) throw new LabError(`tensor "${s.name}" given twice`);
    const bytes = width * s.shape.reduce((a, b) => a * b, 1);
    header[s.name] = { dtype: s.dtype, shape: s.shape, data_offsets: [offset, offset + bytes] };
    offset += bytes;
  }
  let json = JSON.stringify(header);
  const text = new TextEncoder().encode(json);
  const padded = Math.ceil(text.length / 8) * 8;
  json += ' '.repeat(padded - text.length);
  const out = new Uint8Array(8 + padded);
  new DataView(out.buffer).setBigUint64(0, BigInt(padded), true);
  out.set(new TextEncoder().encode(json), 8);
  return out;
}

/** A whole safetensors file from raw little-endian tensor bytes. */
export function encodeSafetensors(tensors: readonly (TensorSpec & { bytes: Uint8Array })[], metadata?: Record<string, string>): Uint8Array {
  const head = encodeSafetensorsHeader(tensors, metadata);
  const total = head.length + tensors.reduce((s, t) => s + t.bytes.length, 0);
  const out = new Uint8Array(total);
  out.set(head, 0);
  let at = head.length;
  for (const t of tensors) {
    const want = SAFETENSORS_DTYPE_BYTES[t.dtype] * t.shape.reduce((a, b) => a * b, 1);
    if (t.bytes.length !== want) throw new LabError(`tensor "${t.name}": ${t.bytes.length} bytes for shape [${t.shape}] ${t.dtype} (needs ${want})`);
    out.set(t.bytes, at);
    at += t.bytes.length;
  }
  return out;
}

/** A float32 safetensors file from named float32 tensors (torch layout expected by readers). */
export function encodeSafetensorsF32(tensors: Iterable<[string, { shape: number[]; data: Float32Array }]>, metadata?: Record<string, string>): Uint8Array {
  return encodeSafetensors([...tensors].map(([name, t]) => ({ name, dtype: 'F32', shape: t.shape, bytes: encodeFloat32(t.data) })), metadata);
}

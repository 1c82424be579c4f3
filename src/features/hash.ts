// Content hashes for the feature cache: SHA-256 (WebCrypto, in Node 20 and every browser) of
// bytes, of float32 samples, of named weights, and of a JSON value with its keys sorted, so the
// same content always gives the same key and any change gives another.
import type { NamedWeights } from '../weights/types.ts';

const HEX = Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, '0'));

function hex(buf: ArrayBuffer): string {
  const u8 = new Uint8Array(buf);
  let s = '';
  for (let i = 0; i < u8.length; i++) s += HEX[u8[i]];
  return s;
}

function asBuffer(bytes: Uint8Array): Uint8Array<ArrayBuffer> {
  return bytes.buffer instanceof ArrayBuffer ? (bytes as Uint8Array<ArrayBuffer>) : new Uint8Array(bytes);
}

/** SHA-256 of bytes, lower-case hex. */
export async function sha256Hex(bytes: Uint8Array): Promise<string> {
  return hex(await globalThis.crypto.subtle.digest('SHA-256', asBuffer(bytes)));
}

/** SHA-256 of a float32 array's bytes (little-endian, as stored). */
export function hashFloat32(values: Float32Array): Promise<string> {
  return sha256Hex(new Uint8Array(values.buffer, values.byteOffset, values.byteLength));
}

/** JSON with object keys sorted at every depth (a stable text for hashing). */
export function stableJson(value: unknown): string {
  return JSON.stringify(value, (_k, v: unknown) => {
    if (v && typeof v === 'object' && !Array.isArray(v) && !ArrayBuffer.isView(v)) {
      const o = v as Record<string, unknown>;
      return Object.fromEntries(Object.keys(o).sort().map((k) => [k, o[k]]));
    }
    return v;
  });
}

/** SHA-256 of a JSON value's stable text. */
export function hashJson(value: unknown): Promise<string> {
  return sha256Hex(new TextEncoder().encode(stableJson(value)));
}

/** SHA-256 over every weight: each weight's own hash (name, shape, float32 data), sorted by name, hashed together. */
export async function hashWeights(weights: NamedWeights): Promise<string> {
  const parts: string[] = [];
  for (const name of [...weights.keys()].sort()) {
    const w = weights.get(name)!;
    parts.push(`${name}:${w.shape.join('x')}:${await hashFloat32(w.data)}`);
  }
  return sha256Hex(new TextEncoder().encode(parts.join('\n')));
}

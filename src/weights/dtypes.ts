// Element types: the safetensors dtype table, decoding of little-endian F32/F16/BF16/F64 bytes
// to float32, and float32 -> float16 encoding (round to nearest even) for float16 storage.
import { LabError } from '../common/errors.ts';

/** Bytes per element of every dtype the safetensors format defines (sub-byte types excluded). */
export const SAFETENSORS_DTYPE_BYTES: Readonly<Record<string, number>> = {
  BOOL: 1, U8: 1, I8: 1, F8_E5M2: 1, F8_E4M3: 1,
  I16: 2, U16: 2, F16: 2, BF16: 2,
  I32: 4, U32: 4, F32: 4,
  I64: 8, U64: 8, F64: 8,
};

/** The dtypes this lab decodes to float32. */
export const DECODABLE_DTYPES = ['F32', 'F16', 'BF16', 'F64'] as const;
export type DecodableDtype = (typeof DECODABLE_DTYPES)[number];

export function isDecodable(dtype: string): dtype is DecodableDtype {
  return (DECODABLE_DTYPES as readonly string[]).includes(dtype);
}

const LITTLE_ENDIAN = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;

let f16Table: Float32Array | undefined;
/** float32 value of every float16 bit pattern (exact; built once, 256 KB). */
function float16Table(): Float32Array {
  if (f16Table) return f16Table;
  const t = new Float32Array(65536);
  for (let h = 0; h < 65536; h++) {
    const sign = h & 0x8000 ? -1 : 1;
    const exp = (h >> 10) & 0x1f;
    const mant = h & 0x3ff;
    if (exp === 0) t[h] = sign * mant * 2 ** -24;
    else if (exp === 31) t[h] = mant ? NaN : sign * Infinity;
    else t[h] = sign * (1 + mant / 1024) * 2 ** (exp - 15);
  }
  return (f16Table = t);
}

/**
 * Decodes `count` little-endian elements of `dtype` from `bytes` into a Float32Array. With
 * `adopt`, F32 bytes that exactly span an aligned buffer are reused without a copy (the caller
 * hands the buffer over); otherwise the result is always a new array.
 */
export function decodeToFloat32(bytes: Uint8Array, dtype: DecodableDtype, count: number, adopt = false): Float32Array {
  const width = SAFETENSORS_DTYPE_BYTES[dtype];
  if (bytes.length !== count * width) {
    throw new LabError(`internal: ${bytes.length} bytes for ${count} ${dtype} elements`);
  }
  if (dtype === 'F32' && LITTLE_ENDIAN) {
    const owned = bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength && bytes.buffer instanceof ArrayBuffer;
    if (adopt && owned) return new Float32Array(bytes.buffer, 0, count);
    const out = new Float32Array(count);
    new Uint8Array(out.buffer).set(bytes);
    return out;
  }
  const out = new Float32Array(count);
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (dtype === 'F32') {
    for (let i = 0; i < count; i++) out[i] = view.getFloat32(4 * i, true);
  } else if (dtype === 'F64') {
    for (let i = 0; i < count; i++) out[i] = view.getFloat64(8 * i, true);
  } else if (dtype === 'F16') {
    const table = float16Table();
    for (let i = 0; i < count; i++) out[i] = table[view.getUint16(2 * i, true)];
  } else {
    const bits = new Uint32Array(out.buffer);
    for (let i = 0; i < count; i++) bits[i] = view.getUint16(2 * i, true) << 16;
  }
  return out;
}

const f32 = new Float32Array(1);
const u32 = new Uint32Array(f32.buffer);

/** float16 bit pattern nearest to `x` (ties to even); overflow gives +-Infinity, NaN stays NaN. */
export function float32ToFloat16Bits(x: number): number {
  f32[0] = x;
  return float16BitsOf(u32[0]);
}

/** float16 bits of the float32 with bits `u`. */
function float16BitsOf(u: number): number {
  const sign = (u >>> 16) & 0x8000;
  const exp = (u >>> 23) & 0xff;
  const mant = u & 0x7fffff;
  if (exp === 0xff) return sign | 0x7c00 | (mant ? 0x200 : 0);
  const e = exp - 112; // float16 exponent field
  if (e >= 31) return sign | 0x7c00;
  if (e <= 0) {
    const shift = 14 - e; // float16 subnormal: value = m * 2^-24
    if (shift > 24) return sign;
    const full = mant | 0x800000;
    let m = full >>> shift;
    const rem = full & ((1 << shift) - 1);
    const half = 1 << (shift - 1);
    if (rem > half || (rem === half && m & 1)) m++;
    return sign | m;
  }
  let m = mant >>> 13;
  const rem = mant & 0x1fff;
  if (rem > 0x1000 || (rem === 0x1000 && m & 1)) m++;
  return sign | ((e << 10) + m);
}

/** Encodes float32 values as little-endian float16 bytes. */
export function encodeFloat16(values: Float32Array): Uint8Array {
  const bits = new Uint32Array(values.buffer, values.byteOffset, values.length);
  const out = new Uint8Array(values.length * 2);
  if (LITTLE_ENDIAN) {
    const halves = new Uint16Array(out.buffer);
    for (let i = 0; i < bits.length; i++) halves[i] = float16BitsOf(bits[i]);
  } else {
    const view = new DataView(out.buffer);
    for (let i = 0; i < bits.length; i++) view.setUint16(2 * i, float16BitsOf(bits[i]), true);
  }
  return out;
}

/** Little-endian float32 bytes of `values`: a view of the same memory on little-endian hosts. */
export function encodeFloat32(values: Float32Array): Uint8Array {
  if (LITTLE_ENDIAN) return new Uint8Array(values.buffer, values.byteOffset, values.byteLength);
  const out = new Uint8Array(values.length * 4);
  const view = new DataView(out.buffer);
  for (let i = 0; i < values.length; i++) view.setFloat32(4 * i, values[i], true);
  return out;
}

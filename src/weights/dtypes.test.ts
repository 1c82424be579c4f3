import { describe, expect, it } from 'vitest';
import { bytesSource } from './bytesource.ts';
import { decodeToFloat32, encodeFloat16, float32ToFloat16Bits } from './dtypes.ts';
import { readSafetensors } from './read.ts';
import { encodeSafetensors } from './safetensors-write.ts';

const u16le = (values: number[]) => {
  const b = new Uint8Array(values.length * 2);
  values.forEach((v, i) => new DataView(b.buffer).setUint16(2 * i, v, true));
  return b;
};

// Bit patterns and their exact values.
const F16_CASES: [number, number][] = [
  [0x3c00, 1], [0xc000, -2], [0x7bff, 65504], [0x0001, 2 ** -24], [0x03ff, 1023 * 2 ** -24],
  [0x0400, 2 ** -14], [0x7c00, Infinity], [0xfc00, -Infinity], [0x8000, -0], [0x3555, 0.333251953125],
  [0x0000, 0], [0xfbff, -65504],
];
const BF16_CASES: [number, number][] = [
  [0x3f80, 1], [0xc049, -3.140625], [0x7f80, Infinity], [0xff80, -Infinity], [0x0001, 2 ** -133],
  [0x4049, 3.140625], [0x8000, -0], [0x7f7f, 3.3895313892515355e38],
];

describe('dtype decoding', () => {
  it('decodes F16 bit patterns exactly, through a hand-made safetensors file', async () => {
    const file = encodeSafetensors([
      { name: 'h', dtype: 'F16', shape: [F16_CASES.length], bytes: u16le(F16_CASES.map((c) => c[0])) },
      { name: 'n', dtype: 'F16', shape: [1], bytes: u16le([0x7e00]) },
    ]);
    const { tensors, warnings } = await readSafetensors(bytesSource(file, 'f16.safetensors'));
    expect(Array.from(tensors.get('h')!.data)).toEqual(F16_CASES.map((c) => c[1]));
    expect(Number.isNaN(tensors.get('n')!.data[0])).toBe(true);
    expect(warnings.join()).toMatch(/NaN or Inf values: h \(2 of 12\), n \(1 of 1\)/);
  });

  it('decodes BF16 bit patterns exactly', async () => {
    const file = encodeSafetensors([{ name: 'b', dtype: 'BF16', shape: [2, BF16_CASES.length / 2], bytes: u16le(BF16_CASES.map((c) => c[0])) }]);
    const { tensors } = await readSafetensors(bytesSource(file), { layout: 'torch' });
    expect(tensors.get('b')!.shape).toEqual([2, 4]);
    expect(Array.from(tensors.get('b')!.data)).toEqual(BF16_CASES.map((c) => Math.fround(c[1])));
  });

  it('decodes F64 (rounded to float32) and F32 from unaligned offsets', () => {
    const b = new Uint8Array(17);
    new DataView(b.buffer).setFloat64(1, Math.PI, true);
    new DataView(b.buffer).setFloat64(9, -1e-3, true);
    expect(Array.from(decodeToFloat32(b.subarray(1), 'F64', 2))).toEqual([Math.fround(Math.PI), Math.fround(-1e-3)]);
    const c = new Uint8Array(9);
    new DataView(c.buffer).setFloat32(1, 1.5, true);
    new DataView(c.buffer).setFloat32(5, -7, true);
    expect(Array.from(decodeToFloat32(c.subarray(1), 'F32', 2))).toEqual([1.5, -7]);
  });
});

describe('float16 encoding', () => {
  it('round-trips every non-NaN float16 value', () => {
    const all = new Uint16Array(65536).map((_, i) => i);
    const values = decodeToFloat32(new Uint8Array(all.buffer), 'F16', 65536);
    for (let h = 0; h < 65536; h++) {
      if (Number.isNaN(values[h])) continue;
      if (float32ToFloat16Bits(values[h]) !== h) throw new Error(`0x${h.toString(16)} -> ${values[h]} -> 0x${float32ToFloat16Bits(values[h]).toString(16)}`);
    }
  });

  it('rounds to nearest, ties to even, overflowing to Inf', () => {
    expect(float32ToFloat16Bits(1 + 2 ** -11)).toBe(0x3c00);
    expect(float32ToFloat16Bits(1 + 3 * 2 ** -11)).toBe(0x3c02);
    expect(float32ToFloat16Bits(1 + 2 ** -11 + 2 ** -20)).toBe(0x3c01);
    expect(float32ToFloat16Bits(65519)).toBe(0x7bff);
    expect(float32ToFloat16Bits(65520)).toBe(0x7c00);
    expect(float32ToFloat16Bits(-1e9)).toBe(0xfc00);
    expect(float32ToFloat16Bits(2 ** -25)).toBe(0x0000);
    expect(float32ToFloat16Bits(3 * 2 ** -26)).toBe(0x0001);
    expect(float32ToFloat16Bits(2 ** -14 - 2 ** -25)).toBe(0x0400); // rounds up into the normals
    expect(float32ToFloat16Bits(NaN) & 0x7e00).toBe(0x7e00);
    expect(Array.from(decodeToFloat32(encodeFloat16(Float32Array.of(0.1, -3.3)), 'F16', 2))).toEqual([0.0999755859375, -3.30078125]);
  });
});

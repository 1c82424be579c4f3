// The reader on hostile files: each corruption ends in a LabError that names the problem.
import { describe, expect, it } from 'vitest';
import { LabError } from '../common/errors.ts';
import { bytesSource, type ByteSource } from './bytesource.ts';
import { readSafetensors } from './read.ts';
import { encodeSafetensors } from './safetensors-write.ts';

const enc = new TextEncoder();
/** A file from a header text and data bytes; `length` overrides the stored header length. */
function rawFile(header: string | object, data = new Uint8Array(0), length?: bigint): Uint8Array {
  const text = enc.encode(typeof header === 'string' ? header : JSON.stringify(header));
  const out = new Uint8Array(8 + text.length + data.length);
  new DataView(out.buffer).setBigUint64(0, length ?? BigInt(text.length), true);
  out.set(text, 8);
  out.set(data, 8 + text.length);
  return out;
}
const f32 = (...v: number[]) => new Uint8Array(Float32Array.from(v).buffer);
const t = (dtype: string, shape: unknown, begin: unknown, end?: unknown) => ({ dtype, shape, data_offsets: end === undefined ? begin : [begin, end] });

async function fails(file: Uint8Array, pattern: RegExp): Promise<void> {
  const err = await readSafetensors(bytesSource(file, 'bad.safetensors')).then(() => undefined, (e: unknown) => e);
  expect(err, `expected an error matching ${pattern}`).toBeInstanceOf(LabError);
  expect((err as Error).message).toMatch(/^bad\.safetensors/);
  expect((err as Error).message).toMatch(pattern);
}

const DATA8 = f32(1, 2);
describe('hostile safetensors files', () => {
  it('rejects files too short for the length prefix', () => fails(new Uint8Array(5), /5 bytes, shorter than the 8-byte header length/));
  it('rejects a header length past the end of the file', () => fails(rawFile({}, DATA8, 1000n), /header length 1000 bytes runs past the end of the file \(18 bytes/));
  it('rejects an absurd header length', () => fails(rawFile({}, DATA8, 1n << 60n), /header length 1152921504606846976 bytes is larger than the 104857600-byte limit/));
  it('rejects a header length too small for JSON', () => fails(rawFile('{}', DATA8, 0n), /header length 0 is too small/));
  it('rejects a header that is not UTF-8', () => fails(rawFile('\u0000\u0000', DATA8).map((b, i) => (i === 8 ? 0xff : b)), /not valid UTF-8/));
  it('rejects a header that is not JSON', () => fails(rawFile('{"a": [1, 2}', DATA8), /header is not valid JSON/));
  it('rejects a header that is not an object', async () => {
    await fails(rawFile('[1, 2]'), /header must be a JSON object, got an array/);
    await fails(rawFile('42'), /header must be a JSON object, got number/);
    await fails(rawFile('null'), /header must be a JSON object, got object/);
  });
  it('rejects entries that are not objects or lack fields', async () => {
    await fails(rawFile({ a: 5 }), /tensor "a": entry must be an object/);
    await fails(rawFile({ a: { shape: [2], data_offsets: [0, 8] } }, DATA8), /tensor "a": "dtype" must be a string/);
    await fails(rawFile({ a: { dtype: 'F32', data_offsets: [0, 8] } }, DATA8), /tensor "a": "shape" must be a list/);
    await fails(rawFile({ a: { dtype: 'F32', shape: [2] } }, DATA8), /tensor "a": "data_offsets" must be two non-negative integers/);
  });
  it('rejects an unknown dtype', () => fails(rawFile({ a: t('F99', [2], [0, 8]) }, DATA8), /tensor "a": unknown dtype "F99"/));
  it('rejects "constructor" and other non-dtypes', () => fails(rawFile({ a: t('constructor', [2], [0, 8]) }, DATA8), /unknown dtype "constructor"/));
  it('rejects an integer dtype for a weight, but ignores it on a key that is not part of the network', async () => {
    await fails(rawFile({ 'net.blocks.0.weights': t('I32', [2], [0, 8]) }, DATA8), /weights must be floating point .*net.blocks.0.weights \(I32\)/);
    const ok = rawFile({ 'net.blocks.0.weights': t('F32', [1], [0, 4]), step: t('I32', [1], [4, 8]) }, DATA8);
    const { tensors, warnings } = await readSafetensors(bytesSource(ok));
    expect([...tensors.keys()]).toEqual(['blocks.0.weights']);
    expect(warnings.join()).toMatch(/1 tensors are not part of the network and were ignored: step/);
  });
  it('rejects negative, fractional, non-numeric and absurd dimensions', async () => {
    await fails(rawFile({ a: t('F32', [-2], [0, 8]) }, DATA8), /shape \[-2\] has a size that is not a non-negative integer/);
    await fails(rawFile({ a: t('F32', [2.5], [0, 8]) }, DATA8), /shape \[2.5\] has a size/);
    await fails(rawFile({ a: t('F32', ['2'], [0, 8]) }, DATA8), /shape \["2"\] has a size/);
    await fails(rawFile({ a: t('F32', [1e15, 1e15, 1e15], [0, 8]) }, DATA8), /needs more than the file's 8 data bytes but data_offsets \[0, 8\] hold 8/);
    await fails(rawFile({ a: t('F32', [2 ** 53 + 2], [0, 8]) }, DATA8), /has a size that is not a non-negative integer/);
    await fails(rawFile({ a: t('F32', [1, 1, 1, 1, 1, 1, 1, 1, 2], [0, 8]) }, DATA8), /at most 8 sizes/);
  });
  it('rejects offsets out of range, backwards or disagreeing with the shape', async () => {
    await fails(rawFile({ a: t('F32', [2], [0, 12]) }, DATA8), /data_offsets \[0, 12\] run past the end of the data \(8 bytes; truncated file\?\)/);
    await fails(rawFile({ a: t('F32', [2], [8, 0]) }, DATA8), /data_offsets \[8, 0\] run backwards/);
    await fails(rawFile({ a: t('F32', [3], [0, 8]) }, f32(1, 2, 3)), /shape \[3\] F32 needs 12 bytes but data_offsets \[0, 8\] hold 8/);
    await fails(rawFile({ a: t('F32', [2], [0, -8]) }, DATA8), /"data_offsets" must be two non-negative integers/);
    await fails(rawFile({ a: t('F32', [2], [0, 8, 9]) }, DATA8), /"data_offsets" must be two/);
    await fails(rawFile({ a: t('F32', [2], [0, 1e300]) }, DATA8), /"data_offsets" must be two/);
  });
  it('rejects overlapping tensors, holes, and bytes no tensor owns', async () => {
    await fails(rawFile({ a: t('F32', [2], [0, 8]), b: t('F32', [2], [4, 12]) }, f32(1, 2, 3)), /tensor "b" overlaps the tensor before it/);
    await fails(rawFile({ a: t('F32', [1], [0, 4]), b: t('F32', [1], [8, 12]) }, f32(1, 2, 3)), /gap in the data before tensor "b" \(data bytes 4..8/);
    await fails(rawFile({ a: t('F32', [1], [4, 8]) }, DATA8), /gap in the data before tensor "a"/);
    await fails(rawFile({ a: t('F32', [1], [0, 4]) }, DATA8), /4 bytes after the last tensor belong to no tensor/);
  });
  it('rejects a truncated file', async () => {
    const good = encodeSafetensors([{ name: 'a', dtype: 'F32', shape: [4], bytes: f32(1, 2, 3, 4) }]);
    await fails(good.subarray(0, good.length - 3), /data_offsets \[0, 16\] run past the end of the data \(13 bytes; truncated file\?\)/);
    await fails(good.subarray(0, 12), /runs past the end of the file/);
  });
  it('rejects duplicate, empty and control-character names', async () => {
    const dup = `{"a": ${JSON.stringify(t('F32', [1], [0, 4]))}, "a": ${JSON.stringify(t('F32', [1], [4, 8]))}}`;
    await fails(rawFile(dup, DATA8), /header names "a" twice/);
    await fails(rawFile({ '': t('F32', [2], [0, 8]) }, DATA8), /invalid tensor name ""/);
    await fails(rawFile({ 'a\nb': t('F32', [2], [0, 8]) }, DATA8), /invalid tensor name "a\\nb"/);
  });
  it('checks __metadata__', async () => {
    await fails(rawFile({ __metadata__: [1], a: t('F32', [2], [0, 8]) }, DATA8), /"__metadata__" must be an object of strings/);
    await fails(rawFile({ __metadata__: { format: 1 }, a: t('F32', [2], [0, 8]) }, DATA8), /"__metadata__"."format" must be a string/);
  });
  it('rejects a file with no network tensors', () => fails(rawFile({ __metadata__: { format: 'pt' } }), /holds no tensors of a UNetV0 network/));
  it('warns (does not fail) on NaN and Inf weights, naming the keys', async () => {
    const file = rawFile({ 'net.blocks.0.weights': t('F32', [3], [0, 12]), 'net.x': t('F32', [1], [12, 16]) }, f32(1, NaN, Infinity, 2));
    const { tensors, warnings } = await readSafetensors(bytesSource(file, 'nan.safetensors'));
    expect(tensors.size).toBe(2);
    expect(warnings).toEqual(['nan.safetensors: 1 tensors contain NaN or Inf values: blocks.0.weights (2 of 3)']);
  });
  it('rejects a source whose reads come back short', async () => {
    const good = encodeSafetensors([{ name: 'a', dtype: 'F32', shape: [4], bytes: f32(1, 2, 3, 4) }]);
    const inner = bytesSource(good);
    const shrinking: ByteSource = { size: good.length, name: 'bad.safetensors', read: async (o, n) => (await inner.read(o, n)).subarray(0, n > 8 ? n - 1 : n) };
    await expect(readSafetensors(shrinking)).rejects.toThrow(/bad.safetensors: read \d+ bytes at offset \d+, expected \d+/);
  });
});

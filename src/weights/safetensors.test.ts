import { describe, expect, it } from 'vitest';
import { bytesSource } from './bytesource.ts';
import { withFileSource } from './bytesource-node.ts';
import { readSafetensors } from './read.ts';
import { readSafetensorsHeader } from './safetensors-header.ts';
import { encodeSafetensors } from './safetensors-write.ts';
import { countingSource, fixtureBytes, fixturePath } from './test-fixtures.ts';

const CONV2D = 'blocks.2.blocks.1.net.block.blocks.1.block.blocks.0.blocks.0.2.weight';
const LINEAR = 'blocks.0.to_out.weight';

describe('safetensors reader on the PyTorch fixtures', () => {
  for (const name of ['unet-2d', 'unet-1d'] as const) {
    it(`${name}: 202 net. tensors minus the 2 time-Linear aliases = 200 canonical keys, clean`, async () => {
      const bytes = fixtureBytes(name, 'weights.safetensors');
      const header = await readSafetensorsHeader(bytesSource(bytes));
      expect(header.entries.filter((e) => e.name.startsWith('net.')).length).toBe(202);
      const source = countingSource(bytes);
      const { tensors, warnings, prefix, metadata } = await readSafetensors(source);
      expect(prefix).toBe('net.');
      expect(metadata).toEqual({ format: 'pt' });
      expect(tensors.size).toBe(200);
      expect(tensors.has('blocks.1.blocks.0.0.weight')).toBe(true);
      expect(tensors.has('blocks.1.blocks.1.0.weight')).toBe(false);
      expect([...tensors.keys()].some((k) => k.startsWith('net.') || k.includes('diffusion'))).toBe(false);
      expect(warnings).toEqual([]);
      // Header + one copy of the network (+ the alias compared once); never the three copies.
      expect(source.bytesRead).toBeLessThan(bytes.length / 2);
    });
  }

  it('reads the file through a Node file handle the same as from memory', async () => {
    const fromFile = await withFileSource(fixturePath('unet-2d', 'weights.safetensors'), (s) => readSafetensors(s));
    const fromMemory = await readSafetensors(bytesSource(fixtureBytes('unet-2d', 'weights.safetensors')));
    expect([...fromFile.tensors.keys()]).toEqual([...fromMemory.tensors.keys()]);
    expect(fromFile.tensors.get(CONV2D)!.data).toEqual(fromMemory.tensors.get(CONV2D)!.data);
  });

  it('transposes to TF.js layout: values agree with a manual index computation on the raw file', async () => {
    const bytes = fixtureBytes('unet-2d', 'weights.safetensors');
    const header = await readSafetensorsHeader(bytesSource(bytes));
    const raw = (key: string, flat: number) => new DataView(bytes.buffer).getFloat32(header.byName.get(`net.${key}`)!.begin + 4 * flat, true);
    const { tensors } = await readSafetensors(bytesSource(bytes));
    const conv = tensors.get(CONV2D)!;
    expect(conv.shape).toEqual([3, 3, 8, 8]); // torch [8, 8, 3, 3]
    for (const [o, i, y, x] of [[0, 0, 0, 0], [7, 3, 2, 1], [5, 6, 0, 2], [1, 7, 1, 1]]) {
      expect(conv.data[((y * 3 + x) * 8 + i) * 8 + o]).toBe(raw(CONV2D, ((o * 8 + i) * 3 + y) * 3 + x));
    }
    const lin = tensors.get(LINEAR)!;
    expect(lin.shape).toEqual([257, 64]); // torch [64, 257]
    for (const [o, i] of [[0, 0], [63, 256], [10, 200]]) expect(lin.data[i * 64 + o]).toBe(raw(LINEAR, o * 257 + i));
    const down = tensors.get('blocks.2.blocks.1.net.block.blocks.3.block.blocks.0.block.weight')!;
    expect(down.shape).toEqual([2, 2, 8, 16]); // torch [16, 8, 2, 2]
    expect(tensors.get('blocks.2.blocks.0.blocks.0.weight')!.shape).toEqual([64, 768]); // null table unchanged
    expect(tensors.get('blocks.0.weights')!.data[5]).toBe(raw('blocks.0.weights', 5));
  });

  it('1-D fixture: Conv1d [O,I,k] -> [k,I,O]', async () => {
    const bytes = fixtureBytes('unet-1d', 'weights.safetensors');
    const header = await readSafetensorsHeader(bytesSource(bytes));
    const conv = header.entries.find((e) => e.name.startsWith('net.') && e.shape.length === 3 && e.shape[2] === 3)!;
    const key = conv.name.slice(4);
    const [O, I, K] = conv.shape;
    const { tensors } = await readSafetensors(bytesSource(bytes));
    expect(tensors.get(key)!.shape).toEqual([K, I, O]);
    const view = new DataView(bytes.buffer);
    for (const [o, i, k] of [[0, 0, 0], [O - 1, I - 1, K - 1], [1, 2, 1]]) {
      expect(tensors.get(key)!.data[(k * I + i) * O + o]).toBe(view.getFloat32(conv.begin + 4 * ((o * I + i) * K + k), true));
    }
  });

  it('warns when the time-Linear alias differs from the main copy', async () => {
    const f32 = (v: number[]) => new Uint8Array(Float32Array.from(v).buffer);
    const file = encodeSafetensors([
      { name: 'net.blocks.0.weights', dtype: 'F32', shape: [2], bytes: f32([1, 2]) },
      { name: 'net.blocks.1.blocks.0.0.bias', dtype: 'F32', shape: [2], bytes: f32([1, 2]) },
      { name: 'net.blocks.1.blocks.1.0.bias', dtype: 'F32', shape: [2], bytes: f32([1, 3]) },
    ]);
    const { tensors, warnings } = await readSafetensors(bytesSource(file, 'a.safetensors'));
    expect(tensors.size).toBe(2);
    expect(warnings.join()).toMatch(/"net.blocks.1.blocks.1.0.bias" should equal "net.blocks.1.blocks.0.0.bias".*differs/);
  });

  it('reports progress in bytes and stops when cancelled', async () => {
    const bytes = fixtureBytes('unet-2d', 'weights.safetensors');
    const seen: number[] = [];
    await readSafetensors(bytesSource(bytes), { onProgress: (p) => seen.push(p.done / p.total) });
    expect(seen[0]).toBe(0);
    expect(seen.at(-1)).toBe(1);
    const ctrl = new AbortController();
    ctrl.abort();
    await expect(readSafetensors(bytesSource(bytes), { signal: ctrl.signal })).rejects.toThrow(/cancelled/);
  });
});

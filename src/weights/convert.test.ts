import { mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parseUNetConfig } from '../unet/config.ts';
import { bytesSource } from './bytesource.ts';
import { decodeToFloat32, encodeFloat16 } from './dtypes.ts';
import { convertCheckpoint, loadModelDir, loadWeights, readSafetensors, withFileSource, writeModelDir } from './index.ts';
import { fixtureBytes, fixtureConfigJson, fixturePath } from './test-fixtures.ts';

const tmp = mkdtempSync(path.join(tmpdir(), 'diffpir-weights-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));
const cfg2d = parseUNetConfig(fixtureConfigJson('unet-2d'));
const SMALL_SHARDS = 64 * 1024; // many shards, weights spanning shard boundaries

/** Bitwise equality of float arrays (fast; vitest's deep equality is slow on big typed arrays). */
const sameBits = (a: Float32Array, b: Float32Array) =>
  a.length === b.length && Buffer.compare(Buffer.from(a.buffer, a.byteOffset, a.byteLength), Buffer.from(b.buffer, b.byteOffset, b.byteLength)) === 0;

describe('convert -> model directory -> load', () => {
  it('2-D fixture, float32: identical tensors, sharded, config.json beside, progress to 100%', async () => {
    const dir = path.join(tmp, 'f32');
    const fractions: number[] = [];
    const result = await withFileSource(fixturePath('unet-2d', 'weights.safetensors'), (s) =>
      convertCheckpoint(s, cfg2d, dir, { shardBytes: SMALL_SHARDS, extras: { card: { name: 'fixture' } }, onProgress: (p) => fractions.push(p.done / p.total) }),
    );
    expect(result.tensors).toBe(200);
    expect(result.warnings).toEqual([]);
    expect(fractions.at(-1)).toBe(1);
    const shards = readdirSync(dir).filter((f) => f.endsWith('.bin'));
    expect(shards.length).toBe(Math.ceil(result.bytes / SMALL_SHARDS));
    for (const s of shards) expect(statSync(path.join(dir, s)).size).toBeLessThanOrEqual(SMALL_SHARDS);
    const configJson = JSON.parse(readFileSync(path.join(dir, 'config.json'), 'utf8'));
    expect(configJson).toEqual({ unet: cfg2d, card: { name: 'fixture' } });
    const loaded = await loadModelDir(dir);
    const direct = await readSafetensors(bytesSource(fixtureBytes('unet-2d', 'weights.safetensors')));
    expect([...loaded.weights.keys()]).toEqual([...direct.tensors.keys()]);
    for (const [k, t] of direct.tensors) {
      expect(loaded.weights.get(k)!.shape, k).toEqual(t.shape);
      expect(sameBits(loaded.weights.get(k)!.data, t.data), k).toBe(true);
    }
    expect(loaded.config).toEqual(cfg2d);
    expect(loaded.configJson.card).toEqual({ name: 'fixture' });
  });

  it('float16 storage: half the bytes, values equal to float16 rounding of the originals', async () => {
    const dir = path.join(tmp, 'f16');
    const result = await withFileSource(fixturePath('unet-2d', 'weights.safetensors'), (s) => convertCheckpoint(s, cfg2d, dir, { float16: true }));
    const model = JSON.parse(readFileSync(path.join(dir, 'model.json'), 'utf8'));
    expect(model.weightsManifest[0].weights[0]).toMatchObject({ dtype: 'float32', quantization: { dtype: 'float16' } });
    const direct = await readSafetensors(bytesSource(fixtureBytes('unet-2d', 'weights.safetensors')));
    const total = [...direct.tensors.values()].reduce((s, t) => s + t.data.length, 0);
    expect(result.bytes).toBe(2 * total);
    const { weights } = await loadWeights(dir);
    for (const [k, t] of direct.tensors) {
      const expected = decodeToFloat32(encodeFloat16(t.data), 'F16', t.data.length);
      expect(sameBits(weights.get(k)!.data, expected), k).toBe(true);
      for (let i = 0; i < t.data.length; i += 97) expect(Math.abs(weights.get(k)!.data[i] - t.data[i])).toBeLessThanOrEqual(Math.abs(t.data[i]) * 2 ** -11 + 2 ** -25);
    }
  });

  it('1-D fixture converts and loads, via loadWeights on both the file and the directory', async () => {
    const cfg = parseUNetConfig(fixtureConfigJson('unet-1d'));
    const file = fixturePath('unet-1d', 'weights.safetensors');
    const dir = path.join(tmp, 'one-d');
    await withFileSource(file, (s) => convertCheckpoint(s, cfg, dir));
    const a = await loadWeights(file, cfg);
    const b = await loadWeights(dir);
    expect(b.config).toEqual(cfg);
    for (const [k, t] of a.weights) expect(sameBits(b.weights.get(k)!.data, t.data), k).toBe(true);
    await expect(loadWeights(file)).rejects.toThrow(/needs a config/);
    await expect(loadWeights(path.join(tmp, 'nope'))).rejects.toThrow(/no such file or directory/);
  });

  it('refuses a checkpoint that does not match the config before writing anything', async () => {
    const dir = path.join(tmp, 'mismatch');
    const wrong = { ...cfg2d, modulation_features: 32 };
    await expect(withFileSource(fixturePath('unet-2d', 'weights.safetensors'), (s) => convertCheckpoint(s, wrong, dir))).rejects.toThrow(
      /weights\.safetensors: weights do not match the config: \d+ tensors have the wrong shape \(PyTorch layout\): blocks\.0\.to_out\.weight: expected \[32, 257\], got \[64, 257\].*modulation_features 64 \(config: 32\)/,
    );
    expect(readdirSync(dir)).toEqual([]);
  });

  it('a cancelled conversion leaves no model.json; a new one replaces old shards', async () => {
    const dir = path.join(tmp, 'cancel');
    const ctrl = new AbortController();
    const run = withFileSource(fixturePath('unet-2d', 'weights.safetensors'), (s) =>
      convertCheckpoint(s, cfg2d, dir, { shardBytes: SMALL_SHARDS, signal: ctrl.signal, onProgress: (p) => p.done > 0 && ctrl.abort() }),
    );
    await expect(run).rejects.toThrow(/cancelled/);
    expect(existsSync(path.join(dir, 'model.json'))).toBe(false);
    writeFileSync(path.join(dir, 'group1-shard99of99.bin'), 'stale');
    const { weights } = await loadWeights(fixturePath('unet-2d', 'weights.safetensors'), cfg2d);
    await writeModelDir(dir, weights, cfg2d);
    expect(readdirSync(dir).sort()).toEqual(['config.json', 'group1-shard1of1.bin', 'model.json']);
    expect((await loadModelDir(dir)).weights.size).toBe(200);
  });
});

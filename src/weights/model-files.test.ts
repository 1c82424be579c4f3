// Loading model directories: bad manifests and shards give clear errors; URL and dropped-file
// providers (browser) work on the same format and never leave the page's origin.
import { beforeAll, describe, expect, it } from 'vitest';
import { parseUNetConfig } from '../unet/config.ts';
import { bytesSource } from './bytesource.ts';
import { writeModelFiles } from './convert.ts';
import { loadModelFiles, type ModelFiles } from './model-files.ts';
import { droppedModelFiles, urlModelFiles } from './model-files-browser.ts';
import { readSafetensors } from './read.ts';
import type { NamedWeights } from './types.ts';
import { fixtureBytes, fixtureConfigJson } from './test-fixtures.ts';

const cfg = parseUNetConfig(fixtureConfigJson('unet-2d'));
let weights: NamedWeights;
let files: Map<string, Uint8Array>;
const SHARD = 256 * 1024;

function memoryFiles(map: Map<string, Uint8Array>, withSize = true): ModelFiles {
  const get = (f: string) => {
    const b = map.get(f);
    if (!b) throw new Error(`test: ${f} missing`);
    return b;
  };
  return { name: 'mem', read: async (f) => get(f), ...(withSize ? { size: async (f: string) => get(f).length } : {}) };
}
const json = (v: unknown) => new TextEncoder().encode(JSON.stringify(v));
const modelJson = () => JSON.parse(new TextDecoder().decode(files.get('model.json')!));
const withModel = (edit: (m: any) => void) => {
  const m = modelJson();
  edit(m);
  return new Map(files).set('model.json', json(m));
};

beforeAll(async () => {
  weights = (await readSafetensors(bytesSource(fixtureBytes('unet-2d', 'weights.safetensors')))).tensors;
  files = new Map();
  await writeModelFiles(weights, cfg, async (name, b) => void files.set(name, b.slice()), { shardBytes: SHARD });
});

describe('model directory loading', () => {
  it('loads what was written, with and without known shard sizes', async () => {
    for (const withSize of [true, false]) {
      const m = await loadModelFiles(memoryFiles(files, withSize));
      expect(m.weights.size).toBe(200);
      expect(m.config).toEqual(cfg);
    }
  });

  it('names a truncated, missing or oversized shard', async () => {
    const paths = modelJson().weightsManifest[0].paths as string[];
    expect(paths.length).toBeGreaterThan(3);
    const [second, last] = [paths[1], paths.at(-1)!];
    expect(second).toBe(`group1-shard2of${paths.length}.bin`);
    const cut = new Map(files).set(second, files.get(second)!.subarray(0, 100));
    await expect(loadModelFiles(memoryFiles(cut))).rejects.toThrow(new RegExp(`mem/${second}: 100 bytes, model.json says 262144 \\(truncated or replaced shard\\?\\)`));
    await expect(loadModelFiles(memoryFiles(cut, false))).rejects.toThrow(new RegExp(`${second}: 100 bytes, model.json says 262144`));
    const grown = new Map(files).set(last, new Uint8Array(files.get(last)!.length + 4));
    await expect(loadModelFiles(memoryFiles(grown))).rejects.toThrow(/model.json says/);
    const noLengths = withModel((m) => delete m.weightsManifest[0].byteLengths);
    await expect(loadModelFiles(memoryFiles(new Map(noLengths).set(last, files.get(last)!.subarray(4))))).rejects.toThrow(/shards .* hold \d+ bytes but model.json's weights need \d+/);
    await expect(loadModelFiles(memoryFiles(new Map(noLengths).set(last, files.get(last)!.subarray(4)), false))).rejects.toThrow(/the shards end inside weight "/);
    const extra = new Map(noLengths).set(last, new Uint8Array([...files.get(last)!, 1, 2, 3]));
    await expect(loadModelFiles(memoryFiles(extra, false))).rejects.toThrow(/the shards hold 3 bytes more than model.json's weights need/);
  });

  it('rejects bad manifests with messages naming the problem', async () => {
    const cases: [(m: any) => void, RegExp][] = [
      [(m) => (m.weightsManifest = []), /"weightsManifest" must be a non-empty list/],
      [(m) => (m.format = 'tfjs-graph-model'), /format "tfjs-graph-model" is not "diffpir-unet"/],
      [(m) => (m.weightsManifest[0].paths[0] = '../../etc/passwd'), /"..\/..\/etc\/passwd" is not a plain file name/],
      [(m) => (m.weightsManifest[0].paths[0] = 'https://evil.example/x.bin'), /is not a plain file name/],
      [(m) => (m.weightsManifest[0].weights[0].dtype = 'int32'), /weight "blocks.0.weights": dtype "int32" is not supported/],
      [(m) => (m.weightsManifest[0].weights[0].quantization = { dtype: 'uint8', scale: 1 }), /quantization .* is not supported \(only float16\)/],
      [(m) => (m.weightsManifest[0].weights[1].name = m.weightsManifest[0].weights[0].name), /weight "blocks.0.weights" is listed twice/],
      [(m) => (m.weightsManifest[0].weights[0].shape = [-1]), /shape \[-1\] must be a list of non-negative integers/],
      [(m) => (m.weightsManifest[0].weights[0].shape = [2 ** 30, 2 ** 30]), /absurdly large/],
      [(m) => (m.weightsManifest[0].weights[0].shape = [129]), /its weights need \d+ bytes but byteLengths add up to \d+/],
      [(m) => m.weightsManifest[0].weights.pop(), /its weights need \d+ bytes but byteLengths add up to/],
      [(m) => (m.weightsManifest[0].byteLengths = [1]), /byteLengths must list one non-negative integer per path/],
    ];
    for (const [edit, pattern] of cases) await expect(loadModelFiles(memoryFiles(withModel(edit)))).rejects.toThrow(pattern);
    await expect(loadModelFiles(memoryFiles(new Map(files).set('model.json', new TextEncoder().encode('{oops'))))).rejects.toThrow(/mem\/model.json: not valid JSON/);
  });

  it('checks the weights against config.json', async () => {
    const other = new Map(files).set('config.json', json({ unet: { ...cfg, modulation_features: 32 } }));
    await expect(loadModelFiles(memoryFiles(other))).rejects.toThrow(/mem: weights do not match the config: .*blocks.0.to_out.weight: expected \[32, 257\], got \[64, 257\]/);
    const bad = new Map(files).set('config.json', json({ unet: { dim: 3 } }));
    await expect(loadModelFiles(memoryFiles(bad))).rejects.toThrow(/mem\/config.json: "in_channels" must be an integer|"dim" must be 1 or 2/);
  });

  it('loads from the page origin by relative URL, never from another origin', async () => {
    const requested: string[] = [];
    const fakeFetch = (async (url: string) => {
      requested.push(url);
      const name = url.replace('http://lab.test/models/fixture/', '');
      const b = files.get(name);
      return b ? new Response(b.slice()) : new Response('no', { status: 404 });
    }) as typeof fetch;
    const m = await loadModelFiles(urlModelFiles('models/fixture', fakeFetch, 'http://lab.test/index.html'));
    expect(m.weights.size).toBe(200);
    expect(requested.every((u) => u.startsWith('http://lab.test/models/fixture/'))).toBe(true);
    expect(() => urlModelFiles('https://cdn.example/m/', fakeFetch, 'http://lab.test/')).toThrow(/only from this app's own origin \(http:\/\/lab.test\)/);
    expect(() => urlModelFiles('//cdn.example/m/', fakeFetch, 'http://lab.test/')).toThrow(/own origin/);
    await expect(loadModelFiles(urlModelFiles('models/none', fakeFetch, 'http://lab.test/'))).rejects.toThrow(/models\/none: no model.json/);
  });

  it('loads from dropped File objects', async () => {
    const dropped = [...files].map(([name, b]) => new File([b.slice()], name));
    expect((await loadModelFiles(droppedModelFiles(dropped))).weights.size).toBe(200);
    const third = modelJson().weightsManifest[0].paths[2] as string;
    await expect(loadModelFiles(droppedModelFiles(dropped.filter((f) => f.name !== third)))).rejects.toThrow(`dropped files: ${third} is missing`);
    expect(() => droppedModelFiles([dropped[0], dropped[0]])).toThrow(/appears twice/);
  });
});

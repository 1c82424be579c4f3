// Loading a model directory from any file provider (a Node directory, the app's own origin, or
// dropped files): checks model.json, the shard sizes and config.json, and decodes the weights
// shard by shard (float16 back to float32), holding at most one shard besides the weights.
import { LabError } from '../common/errors.ts';
import { throwIfCancelled, type JobOptions } from '../common/progress.ts';
import { parseUNetConfig, type UNetConfig } from '../unet/config.ts';
import { checkWeightsAgainstConfig } from './check.ts';
import { decodeToFloat32 } from './dtypes.ts';
import { listBriefly } from './keys.ts';
import { countNonFinite } from './safetensors.ts';
import { CONFIG_JSON, MODEL_JSON, checkModelJson, type CheckedGroup, type StoredWeight } from './manifest.ts';
import type { NamedWeights } from './types.ts';

/** Where a model directory's files come from. */
export interface ModelFiles {
  /** For messages: a directory path, a URL, "dropped files". */
  readonly name: string;
  /** The file's bytes; a LabError naming the file when it is missing. */
  read(file: string): Promise<Uint8Array>;
  /** The file's size when it can be known before reading (undefined otherwise). */
  size?(file: string): Promise<number | undefined>;
}

export interface LoadedModel {
  weights: NamedWeights;
  config: UNetConfig;
  /** config.json as stored (UNetV0 kwargs under `unet`, plus mel settings, model card, ...). */
  configJson: Record<string, unknown>;
  warnings: string[];
}

async function readJson(files: ModelFiles, file: string): Promise<unknown> {
  const bytes = await files.read(file);
  try {
    return JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes));
  } catch (e) {
    throw new LabError(`${files.name}/${file}: not valid JSON (${(e as Error).message})`);
  }
}

/** Reads config.json: `{unet: {...}, ...}` or bare UNetV0 kwargs. */
export async function loadModelConfig(files: ModelFiles): Promise<{ config: UNetConfig; configJson: Record<string, unknown> }> {
  const json = await readJson(files, CONFIG_JSON);
  const config = parseUNetConfig(json, `${files.name}/${CONFIG_JSON}`);
  return { config, configJson: json as Record<string, unknown> };
}

async function checkShardSizes(files: ModelFiles, group: CheckedGroup): Promise<void> {
  if (!files.size) return;
  let total = 0;
  for (const [i, p] of group.paths.entries()) {
    const size = await files.size(p);
    if (size === undefined) return;
    const want = group.byteLengths?.[i];
    if (want !== undefined && size !== want) throw new LabError(`${files.name}/${p}: ${size} bytes, model.json says ${want} (truncated or replaced shard?)`);
    total += size;
  }
  if (total !== group.byteLength) {
    throw new LabError(`${files.name}: shards ${group.paths[0]}..${group.paths.at(-1)} hold ${total} bytes but model.json's weights need ${group.byteLength}`);
  }
}

/** Decodes one group's weights from its shards, read in order. */
async function decodeGroup(files: ModelFiles, group: CheckedGroup, out: NamedWeights, nonFinite: string[], opts: JobOptions, progress: { done: number; total: number }): Promise<void> {
  let shardIndex = -1;
  let shard: Uint8Array = new Uint8Array(0);
  let pos = 0;
  const nextShard = async (w: StoredWeight) => {
    shardIndex++;
    const p = group.paths[shardIndex];
    if (p === undefined) throw new LabError(`${files.name}: the shards end inside weight "${w.name}" (model.json's weights need ${group.byteLength} bytes)`);
    throwIfCancelled(opts.signal, 'loading model');
    shard = await files.read(p);
    const want = group.byteLengths?.[shardIndex];
    if (want !== undefined && shard.length !== want) throw new LabError(`${files.name}/${p}: ${shard.length} bytes, model.json says ${want} (truncated or replaced shard?)`);
    pos = 0;
    progress.done += shard.length;
    opts.onProgress?.({ stage: 'loading model', done: progress.done, total: progress.total, detail: p });
  };
  for (const w of group.weights) {
    const raw = new Uint8Array(w.byteLength);
    let filled = 0;
    while (filled < raw.length) {
      if (pos === shard.length) await nextShard(w);
      const n = Math.min(raw.length - filled, shard.length - pos);
      raw.set(shard.subarray(pos, pos + n), filled);
      filled += n;
      pos += n;
    }
    const count = w.byteLength / (w.storage === 'float16' ? 2 : 4);
    const data = decodeToFloat32(raw, w.storage === 'float16' ? 'F16' : 'F32', count, true);
    const bad = countNonFinite(data);
    if (bad > 0) nonFinite.push(`${w.name} (${bad} of ${count})`);
    out.set(w.name, { shape: w.shape, data });
  }
  let rest = shard.length - pos;
  while (shardIndex < group.paths.length - 1) {
    shardIndex++;
    rest += (await files.read(group.paths[shardIndex])).length;
  }
  if (rest > 0) throw new LabError(`${files.name}: the shards hold ${rest} bytes more than model.json's weights need (${group.byteLength})`);
}

/** Loads model.json + shards + config.json and checks the weights against the config. Progress counts shard bytes. */
export async function loadModelFiles(files: ModelFiles, opts: JobOptions = {}): Promise<LoadedModel> {
  const groups = checkModelJson(await readJson(files, MODEL_JSON), `${files.name}/${MODEL_JSON}`);
  const { config, configJson } = await loadModelConfig(files);
  for (const g of groups) await checkShardSizes(files, g);
  const weights: NamedWeights = new Map();
  const progress = { done: 0, total: groups.reduce((s, g) => s + g.byteLength, 0) };
  const nonFinite: string[] = [];
  for (const g of groups) await decodeGroup(files, g, weights, nonFinite, opts, progress);
  const warnings = nonFinite.length > 0 ? [`${files.name}: ${nonFinite.length} weights contain NaN or Inf values: ${listBriefly(nonFinite)}`] : [];
  checkWeightsAgainstConfig(weights, config, files.name);
  return { weights, config, configJson, warnings };
}

// The model directory format the browser loads: `model.json` (a TF.js-style weights manifest:
// groups of `paths` (shards, concatenated in order) and `weights` [{name, shape, dtype}], weights
// in TF.js layout under canonical keys) and `config.json` ({unet: UNetV0 kwargs, ...extras}).
// float16 storage is written the TF.js way (dtype float32 + quantization {dtype: float16}); a
// plain dtype 'float16' is read too. This file holds the types and the manifest's validation.
import { LabError } from '../common/errors.ts';

export const MODEL_JSON = 'model.json';
export const CONFIG_JSON = 'config.json';
export const MODEL_FORMAT = 'diffpir-unet';
export const DEFAULT_SHARD_BYTES = 4 * 1024 * 1024;

export interface ManifestWeight {
  name: string;
  shape: number[];
  dtype: 'float32' | 'float16';
  quantization?: { dtype: 'float16' };
}

export interface ManifestGroup {
  paths: string[];
  weights: ManifestWeight[];
  /** Exact size of each shard (not in TF.js' format; checked when present). */
  byteLengths?: number[];
}

export interface ModelJson {
  format: typeof MODEL_FORMAT;
  formatVersion: 1;
  layout: 'tfjs';
  generatedBy: string;
  convertedFrom?: string;
  weightsManifest: ManifestGroup[];
}

/** A checked weight entry: how it is stored and how many bytes it takes. */
export interface StoredWeight {
  name: string;
  shape: number[];
  storage: 'float32' | 'float16';
  byteLength: number;
}

export interface CheckedGroup {
  paths: string[];
  byteLengths?: number[];
  weights: StoredWeight[];
  byteLength: number;
}

const SHARD_NAME = /^[A-Za-z0-9][A-Za-z0-9._-]{0,200}$/;
const MAX_TOTAL_BYTES = 2 ** 40;

/** Shard names are plain file names: no directories, no URLs, no `..`. */
export function isSafeShardName(p: string): boolean {
  return SHARD_NAME.test(p) && !p.includes('..');
}

function storageOf(w: Record<string, unknown>, where: string): 'float32' | 'float16' {
  const q = w.quantization as { dtype?: unknown } | undefined;
  if (w.dtype === 'float16' && q === undefined) return 'float16';
  if (w.dtype === 'float32') {
    if (q === undefined) return 'float32';
    if (typeof q === 'object' && q !== null && q.dtype === 'float16') return 'float16';
    throw new LabError(`${where}: quantization ${JSON.stringify(q).slice(0, 60)} is not supported (only float16)`);
  }
  throw new LabError(`${where}: dtype ${JSON.stringify(w.dtype)} is not supported (float32 or float16)`);
}

/** Checks a parsed model.json; `file` names it in messages. */
export function checkModelJson(json: unknown, file = MODEL_JSON): CheckedGroup[] {
  if (typeof json !== 'object' || json === null || Array.isArray(json)) throw new LabError(`${file}: expected a JSON object`);
  const m = json as Record<string, unknown>;
  if (m.format !== undefined && m.format !== MODEL_FORMAT) throw new LabError(`${file}: format ${JSON.stringify(m.format)} is not "${MODEL_FORMAT}"`);
  if (m.layout !== undefined && m.layout !== 'tfjs') throw new LabError(`${file}: layout ${JSON.stringify(m.layout)} is not "tfjs"`);
  if (!Array.isArray(m.weightsManifest) || m.weightsManifest.length === 0) throw new LabError(`${file}: "weightsManifest" must be a non-empty list`);
  const names = new Set<string>();
  const shardNames = new Set<string>();
  let total = 0;
  return m.weightsManifest.map((g: unknown, gi: number) => {
    const where = `${file}: weightsManifest[${gi}]`;
    if (typeof g !== 'object' || g === null) throw new LabError(`${where} must be an object`);
    const { paths, weights, byteLengths } = g as Record<string, unknown>;
    if (!Array.isArray(paths) || paths.length === 0) throw new LabError(`${where}.paths must be a non-empty list`);
    for (const p of paths) {
      if (typeof p !== 'string' || !isSafeShardName(p)) throw new LabError(`${where}.paths: ${JSON.stringify(p).slice(0, 80)} is not a plain file name`);
      if (shardNames.has(p)) throw new LabError(`${where}.paths: "${p}" is listed twice`);
      shardNames.add(p);
    }
    if (byteLengths !== undefined && (!Array.isArray(byteLengths) || byteLengths.length !== paths.length || !byteLengths.every((b) => Number.isSafeInteger(b) && b >= 0))) {
      throw new LabError(`${where}.byteLengths must list one non-negative integer per path`);
    }
    if (!Array.isArray(weights)) throw new LabError(`${where}.weights must be a list`);
    let groupBytes = 0;
    const checked = weights.map((w: unknown, wi: number): StoredWeight => {
      const at = `${where}.weights[${wi}]`;
      if (typeof w !== 'object' || w === null) throw new LabError(`${at} must be an object`);
      const e = w as Record<string, unknown>;
      if (typeof e.name !== 'string' || e.name.length === 0) throw new LabError(`${at}.name must be a non-empty string`);
      if (names.has(e.name)) throw new LabError(`${file}: weight "${e.name}" is listed twice`);
      names.add(e.name);
      const storage = storageOf(e, `${file}: weight "${e.name}"`);
      if (!Array.isArray(e.shape) || e.shape.length > 8 || !e.shape.every((d) => Number.isSafeInteger(d) && d >= 0)) {
        throw new LabError(`${file}: weight "${e.name}": shape ${JSON.stringify(e.shape).slice(0, 60)} must be a list of non-negative integers`);
      }
      let byteLength = storage === 'float16' ? 2 : 4;
      for (const d of e.shape as number[]) {
        byteLength *= d;
        if (byteLength > MAX_TOTAL_BYTES) throw new LabError(`${file}: weight "${e.name}" with shape ${JSON.stringify(e.shape)} is absurdly large`);
      }
      groupBytes += byteLength;
      total += byteLength;
      if (total > MAX_TOTAL_BYTES) throw new LabError(`${file}: the weights add up to more than ${MAX_TOTAL_BYTES} bytes`);
      return { name: e.name, shape: [...(e.shape as number[])], storage, byteLength };
    });
    const declared = (byteLengths as number[] | undefined)?.reduce((a, b) => a + b, 0);
    if (declared !== undefined && declared !== groupBytes) {
      throw new LabError(`${where}: its weights need ${groupBytes} bytes but byteLengths add up to ${declared}`);
    }
    return { paths: paths as string[], byteLengths: byteLengths as number[] | undefined, weights: checked, byteLength: groupBytes };
  });
}

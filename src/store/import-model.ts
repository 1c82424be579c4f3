// A user's model into browser storage: either a converted model folder (model.json +
// config.json + shards; checked by loading it) or a PyTorch checkpoint (.safetensors) with its
// config.json, converted here (streaming, with progress) into a model folder. Errors name the
// file and the key (e.g. a config mismatch). Stored through UserModelStore (quota-safe).
import { MODEL_CARD } from '../training/modelCard.ts';
import { LabError } from '../common/errors.ts';
import type { JobOptions } from '../common/progress.ts';
import { parseUNetConfig } from '../unet/config.ts';
import { blobSource } from '../weights/bytesource.ts';
import { convertToModelFiles } from '../weights/convert.ts';
import { CONFIG_JSON, MODEL_JSON } from '../weights/manifest.ts';
import { loadModelFiles, type ModelFiles } from '../weights/model-files.ts';
import type { UserModelInfo, UserModelStore } from './model-store.ts';

export interface ModelFileInput {
  path: string;
  file: Blob;
}

export interface ImportedModel {
  info: UserModelInfo;
  converted: boolean;
  tensors: number;
  warnings: string[];
}

const base = (p: string) => p.split('/').pop()!;

function memoryFiles(name: string, files: Map<string, Uint8Array>): ModelFiles {
  return {
    name,
    read: async (f) => {
      const b = files.get(f);
      if (!b) throw new LabError(f === MODEL_JSON ? `${name}: no ${MODEL_JSON} among the files` : `${name}: ${f} is missing`);
      return b;
    },
    size: async (f) => files.get(f)?.byteLength,
  };
}

async function readJson(f: ModelFileInput): Promise<Record<string, unknown>> {
  try {
    const v = JSON.parse(await f.file.text());
    if (typeof v !== 'object' || v === null || Array.isArray(v)) throw new Error('expected a JSON object');
    return v as Record<string, unknown>;
  } catch (e) {
    throw new LabError(`${f.path}: not a valid config (${(e as Error).message})`);
  }
}

const newId = () => `m${Date.now().toString(36)}${Math.floor(Math.random() * 1296).toString(36).padStart(2, '0')}`;

/** Imports the picked files as a user model and stores it. */
export async function importModelFiles(inputs: ModelFileInput[], store: UserModelStore, opts: JobOptions & { float16?: boolean } = {}): Promise<ImportedModel> {
  if (inputs.length === 0) throw new LabError('no files given: pick a model folder, or a .safetensors checkpoint and its config.json');
  const byName = new Map<string, ModelFileInput>();
  for (const f of inputs) {
    const n = base(f.path);
    if (n.startsWith('.')) continue;
    if (byName.has(n)) throw new LabError(`"${n}" was given twice; load one model at a time`);
    byName.set(n, f);
  }
  const folder = inputs[0].path.includes('/') ? inputs[0].path.split('/')[0] : undefined;
  const checkpoints = [...byName.values()].filter((f) => /\.safetensors$/i.test(f.path));
  const files = new Map<string, Uint8Array>();
  let converted = false;
  let tensors = 0;
  const warnings: string[] = [];
  let name: string;
  if (byName.has(MODEL_JSON)) {
    for (const [n, f] of byName) if (n === MODEL_JSON || n === CONFIG_JSON || n === MODEL_CARD || /\.bin$/i.test(n)) files.set(n, new Uint8Array(await f.file.arrayBuffer()));
    const loaded = await loadModelFiles(memoryFiles(folder ?? 'model folder', files), opts);
    warnings.push(...loaded.warnings);
    tensors = loaded.weights.size;
    name = typeof loaded.configJson.name === 'string' && loaded.configJson.name ? loaded.configJson.name : folder ?? 'model';
  } else if (checkpoints.length === 1) {
    const ckpt = checkpoints[0];
    const configFile = byName.get(CONFIG_JSON) ?? [...byName.values()].find((f) => /\.json$/i.test(f.path));
    if (!configFile) throw new LabError(`${base(ckpt.path)}: a checkpoint needs its config.json (the UNetV0 settings) beside it`);
    const configJson = await readJson(configFile);
    const config = parseUNetConfig(configJson, base(configFile.path));
    const { unet: _u, ...extras } = configJson;
    name = typeof configJson.name === 'string' && configJson.name ? configJson.name : base(ckpt.path).replace(/\.safetensors$/i, '');
    const r = await convertToModelFiles(blobSource(ckpt.file, base(ckpt.path)), config, async (n, b) => void files.set(n, b.slice()), {
      ...opts, float16: opts.float16, extras: { name, ...extras },
    });
    warnings.push(...r.warnings);
    tensors = r.tensors;
    converted = true;
  } else if (checkpoints.length > 1) {
    throw new LabError(`${checkpoints.length} .safetensors files given (${checkpoints.map((c) => base(c.path)).join(', ')}); load one checkpoint at a time`);
  } else {
    throw new LabError(`no ${MODEL_JSON} and no .safetensors among ${[...byName.keys()].slice(0, 5).join(', ')}: pick a converted model folder, or a checkpoint and its config.json`);
  }
  const configJson = JSON.parse(new TextDecoder().decode(files.get(CONFIG_JSON)!)) as Record<string, unknown>;
  const info = await store.save({
    id: newId(), name, added: new Date().toISOString(), configJson,
    origin: converted ? `converted from ${base(checkpoints[0].path)}` : `model folder ${folder ?? ''}`.trim(),
  }, files);
  return { info, converted, tensors, warnings };
}

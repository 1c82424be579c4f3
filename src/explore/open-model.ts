// Worker side: a ModelRef -> ModelSource (weights, config, mel normalisation, hash), and the
// U-Net built from it, both kept for the next request (a few models at most; evicted U-Nets
// are disposed). Shipped models load from the app's origin, user models from IndexedDB,
// random-init ones are made here.
import { LabError } from '../common/errors.ts';
import type { JobOptions } from '../common/progress.ts';
import { controlFor, modelFromOpened, NAMED_CONFIGS, randomInitModel, type ModelSource } from '../features/model-source.ts';
import { DEFAULT_MEL_NORMALISATION } from '../features/mel-norm.ts';
import { createUNet, type UNet } from '../unet/model.ts';
import { loadModelFiles, type ModelFiles } from '../weights/model-files.ts';
import { urlModelFiles } from '../weights/model-files-browser.ts';
import { modelRefText, type ModelRef } from './refs.ts';

export interface ModelOpeners {
  /** The files of a user model stored in the browser. */
  userFiles(id: string): Promise<{ name: string; files: ModelFiles }>;
}

const MAX_MODELS = 4;
const MAX_UNETS = 3;
const models = new Map<string, Promise<ModelSource>>();
const unets = new Map<string, UNet>();

function remember<V>(map: Map<string, V>, key: string, value: V, max: number, evict?: (v: V) => void): V {
  map.delete(key);
  map.set(key, value);
  while (map.size > max) {
    const [oldKey, old] = map.entries().next().value!;
    map.delete(oldKey);
    evict?.(old);
  }
  return value;
}

async function load(ref: ModelRef, openers: ModelOpeners, opts: JobOptions): Promise<ModelSource> {
  if (ref.kind === 'random-init') {
    const config = NAMED_CONFIGS[ref.base];
    if (!config) throw new LabError(`random-init: unknown config "${ref.base}" (known: ${Object.keys(NAMED_CONFIGS).join(', ')})`);
    return randomInitModel({ id: ref.base, config, melNorm: DEFAULT_MEL_NORMALISATION });
  }
  const { name, files } = ref.kind === 'shipped' ? { name: ref.name, files: urlModelFiles(ref.url) } : await openers.userFiles(ref.id);
  const loaded = await loadModelFiles(files, opts);
  const named = loaded.configJson.name;
  return modelFromOpened({
    name: ref.kind === 'user' ? `user:${ref.id}` : typeof named === 'string' && named ? named : name,
    dir: files.name, config: loaded.config, configJson: loaded.configJson, weights: loaded.weights, warnings: loaded.warnings,
  });
}

/** The model a ref names (loaded once, then kept). */
export function openModel(ref: ModelRef, openers: ModelOpeners, opts: JobOptions = {}): Promise<ModelSource> {
  const key = ref.kind === 'shipped' ? `${ref.name}@${ref.url}` : modelRefText(ref);
  const have = models.get(key);
  if (have) return remember(models, key, have, MAX_MODELS);
  const p = load(ref, openers, opts);
  p.catch(() => models.delete(key));
  return remember(models, key, p, MAX_MODELS);
}

/** The random-init control of a model (the model itself when it is random-init). */
export function openControl(model: ModelSource): Promise<ModelSource> {
  const key = `control:${model.id}:${model.hash}`;
  const have = models.get(key);
  if (have) return remember(models, key, have, MAX_MODELS);
  return remember(models, key, controlFor(model), MAX_MODELS);
}

/** The U-Net of a model, built once and kept (the least recently used ones are disposed). */
export function unetOf(model: ModelSource): UNet {
  const key = `${model.id}:${model.hash}`;
  const have = unets.get(key);
  return remember(unets, key, have ?? createUNet(model.config, model.weights), MAX_UNETS, (u) => u.dispose());
}

/** Forgets a user model (after it is deleted). */
export function forgetModel(ref: ModelRef): void {
  models.delete(modelRefText(ref));
}

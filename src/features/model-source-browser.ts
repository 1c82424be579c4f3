// Browser side of the model resolver: a bare name is a model folder served by the app itself
// under models/ (e.g. "student-v1" -> <app>/models/student-v1/), fetched relative to the app's
// base URL (so it works from a worker, whose own URL is under assets/); "user:<id>" is a model
// the user loaded or trained, kept in IndexedDB (store/model-store.ts), and random-init:user:<id>
// its control. Nothing leaves the origin.
import { LabError } from '../common/errors.ts';
import type { JobOptions } from '../common/progress.ts';
import { browserModelStore } from '../store/model-store.ts';
import { loadModelConfig, loadModelFiles, type ModelFiles } from '../weights/model-files.ts';
import { urlModelFiles } from '../weights/model-files-browser.ts';
import type { UNetConfig } from '../unet/config.ts';
import { NAMED_CONFIGS, RANDOM_INIT, resolveModel, type ModelOpener, type ModelSource } from './model-source.ts';

const USER = 'user:';

function checkName(name: string): void {
  if (!/^[A-Za-z0-9][A-Za-z0-9._-]*$/.test(name.startsWith(USER) ? name.slice(USER.length) : name)) {
    throw new LabError(`model "${name}": in the browser a model is a folder name under models/ (letters, digits, . _ -), user:<id> or random-init[:<base>]`);
  }
}

/** The files of `models/<name>/` or of a stored user model. */
async function modelFiles(name: string, appBase: string): Promise<{ files: ModelFiles; dir: string }> {
  if (!name.startsWith(USER)) return { files: urlModelFiles(`models/${name}/`, fetch, appBase), dir: `models/${name}/` };
  const store = browserModelStore();
  return { files: store.files(await store.info(name.slice(USER.length))), dir: name };
}

/** An opener for `<appBase>models/<name>/` (appBase: the page's base URL, e.g. document.baseURI). */
export function browserModelOpener(appBase: string, opts: JobOptions = {}): ModelOpener {
  return async (name) => {
    checkName(name);
    const { files, dir } = await modelFiles(name, appBase);
    const loaded = await loadModelFiles(files, opts);
    const named = loaded.configJson.name;
    return { name: typeof named === 'string' && named ? named : name, dir, config: loaded.config, configJson: loaded.configJson, weights: loaded.weights, warnings: loaded.warnings };
  };
}

/** resolveModel with the app's models/ folder. */
export function resolveModelBrowser(nameOrId: string, appBase: string, opts: JobOptions = {}): Promise<ModelSource> {
  return resolveModel(nameOrId, browserModelOpener(appBase, opts));
}

/** The U-Net config of a model name without loading its weights (named configs, or models/<name>/config.json). */
export async function modelConfigBrowser(nameOrId: string, appBase: string): Promise<UNetConfig> {
  let base = nameOrId.trim();
  if (base === RANDOM_INIT) return NAMED_CONFIGS.student;
  if (base.startsWith(`${RANDOM_INIT}:`)) base = base.slice(RANDOM_INIT.length + 1).replace(/@\d+$/, '');
  if (NAMED_CONFIGS[base]) return NAMED_CONFIGS[base];
  checkName(base);
  return (await loadModelConfig((await modelFiles(base, appBase)).files)).config;
}

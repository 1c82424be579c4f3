// Browser side of the model resolver: a bare name is a model folder served by the app itself
// under models/ (e.g. "student-v1" -> <app>/models/student-v1/), fetched relative to the app's
// base URL (so it works from a worker, whose own URL is under assets/). Nothing leaves the origin.
import { LabError } from '../common/errors.ts';
import type { JobOptions } from '../common/progress.ts';
import { loadModelConfig, loadModelFiles } from '../weights/model-files.ts';
import { urlModelFiles } from '../weights/model-files-browser.ts';
import type { UNetConfig } from '../unet/config.ts';
import { NAMED_CONFIGS, RANDOM_INIT, resolveModel, type ModelOpener, type ModelSource } from './model-source.ts';

function checkName(name: string): void {
  if (!/^[A-Za-z0-9][A-Za-z0-9._-]*$/.test(name)) {
    throw new LabError(`model "${name}": in the browser a model is a folder name under models/ (letters, digits, . _ -) or random-init[:<base>]`);
  }
}

/** An opener for `<appBase>models/<name>/` (appBase: the page's base URL, e.g. document.baseURI). */
export function browserModelOpener(appBase: string, opts: JobOptions = {}): ModelOpener {
  return async (name) => {
    checkName(name);
    const dir = `models/${name}/`;
    const loaded = await loadModelFiles(urlModelFiles(dir, fetch, appBase), opts);
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
  return (await loadModelConfig(urlModelFiles(`models/${base}/`, fetch, appBase))).config;
}

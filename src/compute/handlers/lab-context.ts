// Worker-side state shared by the experiment's requests: the feature cache (IndexedDB when the
// worker has it, else memory) and the last few resolved models (so a warm request does not
// reload or re-hash weights).
import type { JobOptions } from '../../common/progress.ts';
import { MemoryFeatureCache, type FeatureCache } from '../../features/cache.ts';
import { IdbFeatureCache } from '../../features/cache-idb.ts';
import { resolveModelBrowser } from '../../features/model-source-browser.ts';
import type { ModelSource } from '../../features/model-source.ts';

let cache: FeatureCache | undefined;

export function labFeatureCache(): FeatureCache {
  cache ??= typeof indexedDB === 'undefined' ? new MemoryFeatureCache(2000) : new IdbFeatureCache();
  return cache;
}

const models = new Map<string, Promise<ModelSource>>();
const KEEP_MODELS = 3;

/** The model `name` (random-init[:base], or a folder under the app's models/), resolved once. */
export function labModel(name: string, appBase: string, opts: JobOptions = {}): Promise<ModelSource> {
  const key = `${appBase}|${name}`;
  let m = models.get(key);
  if (!m) {
    m = resolveModelBrowser(name, appBase, opts);
    m.catch(() => models.delete(key));
    models.set(key, m);
    while (models.size > KEEP_MODELS) models.delete(models.keys().next().value!);
  }
  return m;
}

// Worker-side state shared by the experiment's requests: the feature cache (IndexedDB when the
// worker has it, else memory; a full quota stops caching, keeps what is cached and is reported
// once, the features are still computed) and the last few resolved models (so a warm request
// does not reload or re-hash weights).
import type { JobOptions } from '../../common/progress.ts';
import { MemoryFeatureCache, type CachedFeatures, type FeatureCache } from '../../features/cache.ts';
import { IdbFeatureCache } from '../../features/cache-idb.ts';
import { resolveModelBrowser } from '../../features/model-source-browser.ts';
import type { ModelSource } from '../../features/model-source.ts';
import { isQuotaError, quotaError } from '../../store/quota.ts';

/** A cache that stops storing (but keeps reading) once its store is full. */
export class QuotaTolerantCache implements FeatureCache {
  full = false;
  private warnings: string[] = [];
  constructor(private readonly inner: FeatureCache) {}

  get name(): string {
    return this.inner.name;
  }

  get(key: string): Promise<CachedFeatures | undefined> {
    return this.inner.get(key);
  }

  async set(key: string, value: CachedFeatures): Promise<void> {
    if (this.full) return;
    try {
      await this.inner.set(key, value);
    } catch (e) {
      if (!isQuotaError(e)) throw e;
      this.full = true;
      this.warnings.push(`${quotaError(this.inner.name, e).message} Features are still computed, but no longer cached.`);
    }
  }

  /** Warnings not yet reported (each once). */
  drainWarnings(): string[] {
    return this.warnings.splice(0);
  }
}

let cache: QuotaTolerantCache | undefined;

export function labFeatureCache(): QuotaTolerantCache {
  cache ??= new QuotaTolerantCache(typeof indexedDB === 'undefined' ? new MemoryFeatureCache(2000) : new IdbFeatureCache());
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

// The feature cache in the browser: IndexedDB database "diffpir-features", store "features",
// through idb-keyval. Values are stored as structured clones ({shape, windows, data}), so a page
// reload finds every entry computed before. No Node imports.
import { createStore, get, set, clear, type UseStore } from 'idb-keyval';
import { checkCachedFeatures, type CachedFeatures, type FeatureCache } from './cache.ts';

export class IdbFeatureCache implements FeatureCache {
  readonly name = 'IndexedDB diffpir-features';
  private readonly store: UseStore;

  constructor(dbName = 'diffpir-features', storeName = 'features') {
    this.store = createStore(dbName, storeName);
  }

  async get(key: string): Promise<CachedFeatures | undefined> {
    const v = (await get(key, this.store)) as CachedFeatures | undefined;
    return v && checkCachedFeatures(v) ? v : undefined;
  }

  async set(key: string, value: CachedFeatures): Promise<void> {
    await set(key, { shape: [...value.shape], windows: value.windows, data: value.data }, this.store);
  }

  /** Drops every cached feature (the UI's "clear cache"). */
  async clear(): Promise<void> {
    await clear(this.store);
  }
}

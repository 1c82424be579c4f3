import { describe, expect, it } from 'vitest';
import { MemoryFeatureCache, type CachedFeatures, type FeatureCache } from '../../features/cache.ts';
import { QuotaTolerantCache } from './lab-context.ts';

const entry: CachedFeatures = { shape: [2], windows: 1, data: new Float32Array(2) };

describe('quota-tolerant feature cache', () => {
  it('keeps reading what is stored, stops storing once full, and reports it once', async () => {
    const inner = new MemoryFeatureCache();
    await inner.set('a', entry);
    let calls = 0;
    const full: FeatureCache = {
      name: 'IndexedDB diffpir-features',
      get: (k) => inner.get(k),
      set: async () => {
        calls++;
        throw Object.assign(new Error('The quota has been exceeded.'), { name: 'QuotaExceededError' });
      },
    };
    const cache = new QuotaTolerantCache(full);
    await cache.set('b', entry);
    await cache.set('c', entry);
    expect(calls).toBe(1);
    expect(await cache.get('a')).toBe(entry);
    const warnings = cache.drainWarnings();
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatch(/browser storage is full: IndexedDB diffpir-features .*Everything stored before is kept.*no longer cached/);
    expect(cache.drainWarnings()).toEqual([]);
  });

  it('passes other errors on', async () => {
    const broken: FeatureCache = { name: 'x', get: async () => undefined, set: async () => { throw new Error('disk on fire'); } };
    await expect(new QuotaTolerantCache(broken).set('k', entry)).rejects.toThrow('disk on fire');
  });
});

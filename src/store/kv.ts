// A small key-value store interface over IndexedDB (idb-keyval), with an in-memory twin for
// tests. Every write goes through `set`, which turns a full quota into a LabError with code
// "quota" (see quota.ts), so callers can report it and keep what is already stored.
import { createStore, del, get, keys, set, type UseStore } from 'idb-keyval';
import { quotaError, isQuotaError } from './quota.ts';

export interface KeyValueStore {
  /** For messages: "IndexedDB diffpir-corpus/files", "memory". */
  readonly name: string;
  get<T>(key: string): Promise<T | undefined>;
  /** Stores `value` (structured clone); rejects with a quota LabError when storage is full. */
  set(key: string, value: unknown): Promise<void>;
  del(key: string): Promise<void>;
  /** Every key starting with `prefix`, sorted. */
  keys(prefix?: string): Promise<string[]>;
}

/** A store in IndexedDB database `db`, object store `store`. */
export function idbStore(db: string, store: string): KeyValueStore {
  let handle: UseStore | undefined;
  const s = () => (handle ??= createStore(db, store));
  const name = `IndexedDB ${db}/${store}`;
  return {
    name,
    get: (key) => get(key, s()),
    async set(key, value) {
      try {
        await set(key, value, s());
      } catch (e) {
        if (isQuotaError(e)) throw quotaError(name, e);
        throw e;
      }
    },
    del: (key) => del(key, s()),
    async keys(prefix = '') {
      const all = (await keys(s())).map(String);
      return all.filter((k) => k.startsWith(prefix)).sort();
    },
  };
}

function sizeOf(v: unknown): number {
  if (v instanceof Uint8Array || v instanceof Float32Array) return v.byteLength;
  if (v instanceof ArrayBuffer) return v.byteLength;
  return JSON.stringify(v ?? null).length;
}

/** An in-memory store; with `maxBytes` it fails like a full browser quota (for tests). */
export class MemoryStore implements KeyValueStore {
  readonly name = 'memory';
  readonly map = new Map<string, unknown>();
  constructor(private readonly maxBytes = Infinity) {}

  async get<T>(key: string): Promise<T | undefined> {
    return this.map.get(key) as T | undefined;
  }

  async set(key: string, value: unknown): Promise<void> {
    const used = [...this.map].reduce((n, [k, v]) => n + (k === key ? 0 : sizeOf(v)), 0);
    if (used + sizeOf(value) > this.maxBytes) {
      throw quotaError(this.name, Object.assign(new Error('The quota has been exceeded.'), { name: 'QuotaExceededError' }));
    }
    this.map.set(key, value);
  }

  async del(key: string): Promise<void> {
    this.map.delete(key);
  }

  async keys(prefix = ''): Promise<string[]> {
    return [...this.map.keys()].filter((k) => k.startsWith(prefix)).sort();
  }
}

// Clips the user uploaded (IndexedDB "diffpir-uploads"), kept so the worker can read them by key
// and a link or reload can show the same clip again. Key: the first 16 hex digits of the bytes'
// SHA-256, so uploading the same file twice stores it once.
import { LabError } from '../common/errors.ts';
import { sha256Hex } from '../features/hash.ts';
import { idbStore, type KeyValueStore } from './kv.ts';

export interface StoredUpload {
  key: string;
  name: string;
  bytes: Uint8Array;
  added: string;
}

export class UploadStore {
  constructor(readonly kv: KeyValueStore) {}

  async put(name: string, bytes: Uint8Array): Promise<StoredUpload> {
    const key = (await sha256Hex(bytes)).slice(0, 16);
    const existing = await this.kv.get<StoredUpload>(`upload:${key}`);
    if (existing) return existing;
    const entry: StoredUpload = { key, name, bytes, added: new Date().toISOString() };
    await this.kv.set(`upload:${key}`, entry);
    return entry;
  }

  async get(key: string): Promise<StoredUpload> {
    const v = await this.kv.get<StoredUpload>(`upload:${key}`);
    if (!v) throw new LabError(`uploaded clip ${key} is not stored in this browser (upload it again)`);
    return v;
  }

  async list(): Promise<{ key: string; name: string }[]> {
    const out: { key: string; name: string }[] = [];
    for (const k of await this.kv.keys('upload:')) {
      const v = await this.kv.get<StoredUpload>(k);
      if (v) out.push({ key: v.key, name: v.name });
    }
    return out;
  }
}

let shared: UploadStore | undefined;

export function browserUploadStore(): UploadStore {
  return (shared ??= new UploadStore(idbStore('diffpir-uploads', 'files')));
}

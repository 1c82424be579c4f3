// User models in the browser (IndexedDB "diffpir-models"): a converted model folder's files
// (model.json, config.json, shards) stored under `file:<id>:<name>`, and `model:<id>` -> its
// description, written last, so a model is listed only once all its files are in. A full quota
// removes only the half-stored new model's files and reports it; existing models are untouched.
import { LabError } from '../common/errors.ts';
import type { ModelFiles } from '../weights/model-files.ts';
import { idbStore, type KeyValueStore } from './kv.ts';
import { isQuotaError } from './quota.ts';

export interface UserModelInfo {
  id: string;
  /** A display name (config.json "name", the folder or checkpoint name). */
  name: string;
  /** "model folder" or "converted from <file>.safetensors". */
  origin: string;
  added: string;
  files: string[];
  bytes: number;
  configJson: Record<string, unknown>;
}

export class UserModelStore {
  constructor(readonly kv: KeyValueStore) {}

  async list(): Promise<UserModelInfo[]> {
    const out: UserModelInfo[] = [];
    for (const key of await this.kv.keys('model:')) {
      const info = await this.kv.get<UserModelInfo>(key);
      if (info) out.push(info);
    }
    return out.sort((a, b) => a.added.localeCompare(b.added));
  }

  async info(id: string): Promise<UserModelInfo> {
    const info = await this.kv.get<UserModelInfo>(`model:${id}`);
    if (!info) throw new LabError(`user model "${id}" is not stored in this browser (load it again on the Models page)`);
    return info;
  }

  /** The stored model's files, for loadModelFiles. */
  files(info: UserModelInfo): ModelFiles {
    const name = `user model ${info.name}`;
    return {
      name,
      read: async (file) => {
        const v = await this.kv.get<Uint8Array>(`file:${info.id}:${file}`);
        if (!v) throw new LabError(`${name}: ${file} is missing from browser storage`);
        return v;
      },
      size: async (file) => (await this.kv.get<Uint8Array>(`file:${info.id}:${file}`))?.byteLength,
    };
  }

  /** Stores a model's files, then its description. */
  async save(info: Omit<UserModelInfo, 'files' | 'bytes'>, files: Map<string, Uint8Array>): Promise<UserModelInfo> {
    const full: UserModelInfo = { ...info, files: [...files.keys()], bytes: [...files.values()].reduce((n, b) => n + b.byteLength, 0) };
    const written: string[] = [];
    try {
      for (const [file, bytes] of files) {
        const key = `file:${info.id}:${file}`;
        await this.kv.set(key, bytes);
        written.push(key);
      }
      await this.kv.set(`model:${info.id}`, full);
    } catch (e) {
      if (isQuotaError(e)) for (const key of written) await this.kv.del(key).catch(() => undefined);
      throw e;
    }
    return full;
  }

  async delete(id: string): Promise<void> {
    await this.kv.del(`model:${id}`);
    for (const key of await this.kv.keys(`file:${id}:`)) await this.kv.del(key);
  }
}

let shared: UserModelStore | undefined;

export function browserModelStore(): UserModelStore {
  return (shared ??= new UserModelStore(idbStore('diffpir-models', 'files')));
}

// The feature cache on disk (Node): one .npy per entry, [windows, ...shape] float32, under
// <dir>/<first two hex digits of the key>/<key>.npy (default dir .cache/features, git-ignored).
// Writes go to a temporary file renamed into place, so an interrupted run never leaves a half
// entry; an unreadable entry counts as a miss and is rewritten.
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { LabError } from '../common/errors.ts';
import { encodeNpy, parseNpy } from '../common/npy.ts';
import { checkCachedFeatures, type CachedFeatures, type FeatureCache } from './cache.ts';

export const DEFAULT_FEATURE_CACHE_DIR = '.cache/features';

export class DiskFeatureCache implements FeatureCache {
  readonly name: string;
  private tmpCounter = 0;

  constructor(readonly dir: string = DEFAULT_FEATURE_CACHE_DIR) {
    this.name = dir;
  }

  private file(key: string): string {
    if (!/^[0-9a-f]{16,}$/.test(key)) throw new LabError(`feature cache: "${key}" is not a hex key`);
    return path.join(this.dir, key.slice(0, 2), `${key}.npy`);
  }

  async get(key: string): Promise<CachedFeatures | undefined> {
    let bytes: Uint8Array;
    try {
      bytes = new Uint8Array(await readFile(this.file(key)));
    } catch {
      return undefined;
    }
    try {
      const npy = parseNpy(bytes, key);
      if (npy.shape.length < 2) return undefined;
      const value = { shape: npy.shape.slice(1), windows: npy.shape[0], data: npy.data };
      return checkCachedFeatures(value) ? value : undefined;
    } catch {
      return undefined;
    }
  }

  async set(key: string, value: CachedFeatures): Promise<void> {
    const file = this.file(key);
    const tmp = `${file}.${process.pid}.${this.tmpCounter++}.tmp`;
    try {
      await mkdir(path.dirname(file), { recursive: true });
      await writeFile(tmp, encodeNpy(value.data, [value.windows, ...value.shape]));
      await rename(tmp, file);
    } catch (e) {
      throw new LabError(`feature cache: cannot write ${file} (${(e as NodeJS.ErrnoException).code ?? String(e)})`);
    }
  }
}

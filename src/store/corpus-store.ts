// Corpora in the browser: the built-in corpus rendered in the worker and imported corpora, in
// IndexedDB (database "diffpir-corpus"). Keys: `manifest:<corpus>` -> the manifest (a plain
// object), `clip:<corpus>:<file>` -> the clip's WAV bytes. Clips are written one by one as they
// finish and the manifest after them, so a reload resumes and a full quota loses nothing.
import { LabError } from '../common/errors.ts';
import type { CorpusSink } from '../corpus/corpus-render.ts';
import { parseManifest } from '../corpus/manifest.ts';
import type { ClipRecord, CorpusManifest } from '../corpus/types.ts';
import { idbStore, type KeyValueStore } from './kv.ts';

/** Id of the built-in corpus rendered from `preset` and `seed`, e.g. "builtin:tiny:1". */
export function builtinCorpusId(preset: string, seed: number): string {
  return `builtin:${preset}:${seed}`;
}

export interface CorpusListing {
  id: string;
  manifest: CorpusManifest;
}

export class CorpusStore {
  constructor(readonly kv: KeyValueStore) {}

  /** Every stored corpus with its manifest (unreadable manifests are skipped). */
  async list(): Promise<CorpusListing[]> {
    const out: CorpusListing[] = [];
    for (const key of await this.kv.keys('manifest:')) {
      const id = key.slice('manifest:'.length);
      const manifest = await this.manifest(id).catch(() => undefined);
      if (manifest) out.push({ id, manifest });
    }
    return out;
  }

  async manifest(id: string): Promise<CorpusManifest | undefined> {
    const raw = await this.kv.get<unknown>(`manifest:${id}`);
    return raw === undefined ? undefined : parseManifest(raw, `stored corpus ${id}`);
  }

  async saveManifest(id: string, manifest: CorpusManifest): Promise<void> {
    await this.kv.set(`manifest:${id}`, JSON.parse(JSON.stringify(manifest)));
  }

  async readFile(id: string, file: string): Promise<Uint8Array | undefined> {
    const v = await this.kv.get<Uint8Array | ArrayBuffer>(`clip:${id}:${file}`);
    return v instanceof ArrayBuffer ? new Uint8Array(v) : v;
  }

  async writeFile(id: string, file: string, bytes: Uint8Array): Promise<void> {
    const exact = bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength ? bytes : bytes.slice();
    await this.kv.set(`clip:${id}:${file}`, exact);
  }

  /** A clip's record and WAV bytes; a LabError naming what is missing. */
  async clip(id: string, clipId: string): Promise<{ record: ClipRecord; bytes: Uint8Array }> {
    const m = await this.manifest(id);
    if (!m) throw new LabError(`corpus ${id} is not in this browser's storage (render or import it on the Data page)`);
    const record = m.clips.find((c) => c.id === clipId);
    if (!record) throw new LabError(`corpus ${id} has no clip "${clipId}"`);
    const bytes = await this.readFile(id, record.file);
    if (!bytes) throw new LabError(`corpus ${id}: the audio of clip "${clipId}" is not stored in this browser`);
    return { record, bytes };
  }

  /** The sink renderCorpusCore writes corpus `id` through. */
  sink(id: string): CorpusSink {
    return {
      read: (file) => this.readFile(id, file),
      write: (file, bytes) => this.writeFile(id, file, bytes),
      saveManifest: (m) => this.saveManifest(id, m),
    };
  }

  /** Removes a corpus: its manifest first (so it is never listed half-deleted), then its clips. */
  async delete(id: string): Promise<void> {
    await this.kv.del(`manifest:${id}`);
    for (const key of await this.kv.keys(`clip:${id}:`)) await this.kv.del(key);
  }
}

let shared: CorpusStore | undefined;

/** The browser's corpus store (IndexedDB "diffpir-corpus"). */
export function browserCorpusStore(): CorpusStore {
  return (shared ??= new CorpusStore(idbStore('diffpir-corpus', 'files')));
}

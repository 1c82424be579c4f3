// Model files in the browser: from the app's own origin (relative URLs, e.g. `models/<name>/`)
// or from dropped File objects. No request ever leaves the page's origin.
import { LabError } from '../common/errors.ts';
import { MODEL_JSON, isSafeShardName } from './manifest.ts';
import type { ModelFiles } from './model-files.ts';

function pageBase(): string {
  const loc = (globalThis as { location?: { href: string } }).location;
  if (!loc) throw new LabError('loading a model by URL needs a page (or worker) location');
  return loc.href;
}

/** Files under `base` (e.g. "models/paper/"), fetched relative to the page; other origins are refused. */
export function urlModelFiles(base: string, fetchImpl: typeof fetch = fetch, pageHref = pageBase()): ModelFiles {
  const dir = new URL(base.endsWith('/') ? base : `${base}/`, pageHref);
  const origin = new URL(pageHref).origin;
  if (dir.origin !== origin) throw new LabError(`${base}: models load only from this app's own origin (${origin}), not ${dir.origin}`);
  return {
    name: base.replace(/\/$/, ''),
    async read(file) {
      if (!isSafeShardName(file)) throw new LabError(`${base}: "${file}" is not a plain file name`);
      const url = new URL(file, dir);
      let res: Response;
      try {
        res = await fetchImpl(url.href);
      } catch (e) {
        throw new LabError(`${url.pathname}: request failed (${(e as Error).message})`);
      }
      if (!res.ok) {
        throw new LabError(res.status === 404 && file === MODEL_JSON ? `${base}: no ${MODEL_JSON} (not a model directory?)` : `${url.pathname}: HTTP ${res.status}`);
      }
      return new Uint8Array(await res.arrayBuffer());
    },
  };
}

/** Files dropped by the user (a model directory's files, matched by base name). */
export function droppedModelFiles(files: readonly File[]): ModelFiles {
  const byName = new Map<string, File>();
  for (const f of files) {
    const name = f.name.split('/').pop()!;
    if (byName.has(name)) throw new LabError(`dropped files: "${name}" appears twice; drop one model directory at a time`);
    byName.set(name, f);
  }
  const get = (file: string) => {
    const f = byName.get(file);
    if (!f) throw new LabError(file === MODEL_JSON ? `dropped files: no ${MODEL_JSON} among them (drop a model directory's files)` : `dropped files: ${file} is missing`);
    return f;
  };
  return {
    name: 'dropped files',
    read: async (file) => new Uint8Array(await get(file).arrayBuffer()),
    size: async (file) => get(file).size,
  };
}

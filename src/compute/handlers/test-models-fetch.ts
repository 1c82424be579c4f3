// Test helper: a fetch that serves `<appBase>models/...` from the repository's models/ folder (as
// the app's own origin would), plus virtual files; it records every URL asked for.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { REPO_ROOT } from '../../audio/test-helpers.ts';

export function modelsFetch(appBase: string, alias: (rel: string) => string = (r) => r) {
  const fetched: string[] = [];
  const virtual = new Map<string, string>();
  const fetchFn = (async (input: string | URL) => {
    const url = String(input);
    fetched.push(url);
    if (!url.startsWith(`${appBase}models/`)) return new Response('', { status: 404 });
    const rel = url.slice(appBase.length);
    const v = virtual.get(rel);
    if (v !== undefined) return new Response(v, { headers: { 'content-type': v.startsWith('<!doctype') ? 'text/html' : 'application/json' } });
    try {
      return new Response(await readFile(path.join(REPO_ROOT, alias(rel))));
    } catch {
      return new Response('', { status: 404 });
    }
  }) as typeof fetch;
  return { fetchFn, fetched, virtual };
}

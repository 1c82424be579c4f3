// Test-only pages: a page tests/e2e/pages/<name>.{html,ts} is bundled by Vite into
// tests/output/<name>-page (never into dist/) and served to the browser through Playwright routes
// under /__<name>/ on the app's origin, together with fixture folders mounted beside it.
import type { Page } from '@playwright/test';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build, type PluginOption } from 'vite';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
export { SHARED_FIXTURES } from '../../../src/common/testing/shared-fixtures.ts';
import { SHARED_FIXTURES } from '../../../src/common/testing/shared-fixtures.ts';
const PAGES = path.join(ROOT, 'tests/e2e/pages');

const TYPES: Record<string, string> = {
  '.html': 'text/html',
  '.js': 'text/javascript',
  '.wasm': 'application/wasm',
  '.json': 'application/json',
};

/** Cross-origin isolation headers (as vite.config.ts sends): the WASM backend may then use threads. */
export const ISOLATION_HEADERS = { 'Cross-Origin-Opener-Policy': 'same-origin', 'Cross-Origin-Embedder-Policy': 'require-corp' };

/** Bundles tests/e2e/pages/<name>.html (and what it imports) into tests/output/<name>-page. */
export async function buildTestPage(name: string, plugins: PluginOption[] = []): Promise<string> {
  const outDir = path.join(ROOT, `tests/output/${name}-page`);
  await build({
    configFile: false,
    root: PAGES,
    base: './',
    logLevel: 'warn',
    plugins,
    build: { outDir, emptyOutDir: true, target: 'es2022', rollupOptions: { input: path.join(PAGES, `${name}.html`) } },
    worker: { format: 'es' }, // as the app's workers (vite.config.ts)
  });
  return outDir;
}

export interface ServeOptions {
  /** URL folder (e.g. 'fixtures/') -> local folder; everything else comes from the built page. */
  mounts?: Record<string, string>;
  headers?: Record<string, string>;
}

/** Serves a built test page (and its mounts) under /__<name>/; returns that prefix as a URL. */
export async function serveTestPage(page: Page, baseURL: string, name: string, opts: ServeOptions = {}): Promise<string> {
  const prefix = new URL(`__${name}/`, baseURL).href;
  const outDir = path.join(ROOT, `tests/output/${name}-page`);
  const mounts = Object.entries(opts.mounts ?? {});
  await page.route(`${prefix}**`, async (route) => {
    const rel = decodeURIComponent(new URL(route.request().url()).pathname.slice(new URL(prefix).pathname.length));
    const mount = mounts.find(([urlDir]) => rel.startsWith(urlDir));
    const file = mount ? path.join(mount[1], rel.slice(mount[0].length)) : path.join(outDir, rel);
    if (rel.includes('..') || !existsSync(file)) return route.fulfill({ status: 404, body: 'not found' });
    await route.fulfill({
      body: readFileSync(file),
      contentType: TYPES[path.extname(file)] ?? 'application/octet-stream',
      headers: opts.headers,
    });
  });
  return prefix;
}

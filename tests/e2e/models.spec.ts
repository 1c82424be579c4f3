// The Models page in Chromium: cards for the shipped models and the random-init controls; a
// PyTorch checkpoint + config.json (made here from seeded weights) converted in the worker and
// kept across a reload; a config mismatch named by key while the page keeps working; the user
// model in Explore with its random-init control side by side; denoise and a DDIM sample.
import { expect, test } from '@playwright/test';
import { TINY_CONFIG } from '../../src/features/model-source.ts';
import { randomInitWeights } from '../../src/unet/randomInit.ts';
import { exportSafetensors } from '../../src/weights/export.ts';
import { guardOrigin } from './helpers/origin-guard.ts';
import { ExplorePage } from './pages/explore-page.ts';
import { ModelsPage } from './pages/models-page.ts';

const checkpoint = () => Buffer.from(exportSafetensors(randomInitWeights(TINY_CONFIG, 7)));
const config = (unet: object) => Buffer.from(JSON.stringify({ name: 'my-tiny', unet }));

test('models: cards, checkpoint conversion kept across a reload, a clear mismatch error, denoise and sample', async ({ page, baseURL }) => {
  test.setTimeout(240_000);
  const guard = guardOrigin(page, new URL(baseURL!).origin);
  const models = new ModelsPage(page);
  await models.goto();
  await expect(models.card('random-init:student-v1')).toContainText('control');
  await expect(models.card('probe-default')).toContainText('Model card');
  await expect(models.card('recognizer')).toContainText('shipped recognizer');
  await expect(models.card('random-init:tiny')).toBeVisible();
  const index = (await (await page.request.get('models/index.json')).json()) as { models: { name: string; card: string | null; config: object | null }[] };
  for (const m of index.models) {
    await expect(models.card(m.name)).toBeVisible();
    await expect(models.card(m.name)).toContainText(m.config ? 'shipped' : 'baseline');
    if (m.card) await expect(models.card(m.name).getByText('Model card')).toBeVisible();
  }

  // A checkpoint whose config does not match: the error names the key; nothing is stored.
  const wrong = { ...TINY_CONFIG, channels: [4, 8, 8, 32] };
  await models.filesInput.setInputFiles([
    { name: 'weights.safetensors', mimeType: 'application/octet-stream', buffer: checkpoint() },
    { name: 'config.json', mimeType: 'application/json', buffer: config(wrong) },
  ]);
  await expect(models.alert).toContainText(/weights do not match the config: .*blocks/);
  await expect(models.card('my-tiny')).toHaveCount(0);

  // The right config: converted in the worker and stored.
  await models.filesInput.setInputFiles([
    { name: 'weights.safetensors', mimeType: 'application/octet-stream', buffer: checkpoint() },
    { name: 'config.json', mimeType: 'application/json', buffer: config(TINY_CONFIG) },
  ]);
  await expect(models.importStatus).toContainText(/Stored my-tiny \(converted, \d+ tensors/);
  await expect(models.card('my-tiny')).toBeVisible();
  await models.screenshot('models-cards');
  await page.reload();
  await expect(models.card('my-tiny')).toContainText('converted from weights.safetensors');

  // Denoise and sample with it.
  const denoise = page.getByRole('region', { name: 'Denoise and sample' });
  await denoise.getByRole('combobox', { name: 'Model' }).selectOption({ label: 'my-tiny (yours, converted from weights.safetensors)' });
  await denoise.getByRole('button', { name: 'Denoise' }).click();
  await expect(page.getByRole('img', { name: /^One-step clean estimate/ })).toBeVisible({ timeout: 60_000 });
  await denoise.getByRole('combobox', { name: 'DDIM steps' }).selectOption('4');
  await denoise.getByRole('button', { name: 'Sample a new mel' }).click();
  await expect(page.getByRole('img', { name: 'Sampled log-mel from user:' + (await userId(page)) })).toBeVisible({ timeout: 60_000 });
  await models.screenshot('models-denoise-sample');

  // In Explore, the user model and its random-init control side by side.
  const ex = new ExplorePage(page);
  await ex.goto(`model=user:${await userId(page)}&sigma=0.4&autorender=0`);
  await ex.waitForView('0.4');
  await expect(page.getByRole('figure', { name: /strongest channels at/ })).toHaveCount(2);
  await expect(page.getByRole('figure', { name: /\(control\): strongest channels/ }).getByRole('img', { name: /, channel \d+ at / })).toHaveCount(16); // tiny config: 16 bottleneck channels
  await ex.screenshot('explore-user-model-with-control');
  expect(guard.foreign()).toEqual([]);
});

async function userId(page: import('@playwright/test').Page): Promise<string> {
  return page.evaluate(async () => {
    const req = indexedDB.open('diffpir-models');
    const db: IDBDatabase = await new Promise((ok, fail) => { req.onsuccess = () => ok(req.result); req.onerror = () => fail(req.error); });
    const keys: IDBValidKey[] = await new Promise((ok) => { const r = db.transaction('files').objectStore('files').getAllKeys(); r.onsuccess = () => ok(r.result); });
    db.close();
    return String(keys.map(String).find((k) => k.startsWith('model:'))).slice(6);
  });
}

// Training a diffusion U-Net in the page (Models page, worker, WASM): a tiny config on the quick
// tone data, interrupted by a reload after a checkpoint, resumed from it, finished and stored as
// a user model with its card and loss curve, then probed on the Probe page like a shipped model;
// no request leaves the app's origin.
import { expect, test } from '@playwright/test';
import { guardOrigin } from './helpers/origin-guard.ts';
import { ProbePageObject } from './pages/experiment-pages.ts';
import { ModelsPage } from './pages/models-page.ts';

test('train a tiny diffusion model in the page, reload mid-run, resume from the checkpoint, get the model and its card', async ({ page, baseURL }) => {
  test.setTimeout(240_000);
  const guard = guardOrigin(page, new URL(baseURL!).origin);
  const models = new ModelsPage(page);
  await models.goto();
  const panel = models.trainPanel;
  await panel.getByLabel('Model name').fill('trained-tiny');
  await panel.getByLabel('U-Net config').selectOption('tiny');
  const numbers: [string, number][] = [['Steps', 40], ['Batch', 2], ['Crop frames (multiple of 8)', 32], ['Checkpoint every (steps)', 2], ['Clips per split (0: all)', 1]];
  for (const [label, value] of numbers) await panel.getByLabel(label, { exact: true }).fill(String(value));
  const started = Date.now();
  await panel.getByRole('button', { name: 'Train', exact: true }).click();
  await expect(panel.getByRole('status')).toContainText(/training ([4-9]|[12]\d|3[0-5])\/40/, { timeout: 120_000 });
  await models.screenshot('train-diffusion-running');

  await page.reload();
  await expect(models.trainPanel.getByLabel('Model name')).toHaveValue('trained-tiny');
  await expect(models.trainPanel.getByLabel('Steps', { exact: true })).toHaveValue('40');
  const unfinished = models.trainPanel.getByRole('list', { name: 'Unfinished training runs' });
  await expect(unfinished).toContainText(/trained-tiny: interrupted at step ([2-9]|[1-3]\d) of 40/);
  const at = Number(/at step (\d+)/.exec((await unfinished.textContent()) ?? '')![1]);
  await unfinished.getByRole('button', { name: 'Resume trained-tiny' }).click();
  const result = models.trainPanel.getByLabel('Training result');
  await expect(result).toContainText(`Stored trained-tiny (40 steps, resumed at step ${at})`, { timeout: 120_000 });
  await expect(result).toContainText(/final training loss \d\.\d{4}, validation v-loss \d\.\d{4}/);
  console.log(`tiny diffusion training in the page: 40 steps with a reload at step ${at}, ${((Date.now() - started) / 1000).toFixed(1)} s; ${await result.textContent()}`);
  await expect(unfinished).toHaveCount(0);

  const card = models.card('trained-tiny');
  await expect(card).toContainText('trained here (tiny, 40 steps)');
  await card.getByText('Model card').click();
  await expect(card).toContainText('40 steps, batch 2');
  await models.screenshot('train-diffusion-done');

  // The trained model (and its random-init control) on the Probe page: features and an MLP probe.
  const userId = await page.evaluate(async () => {
    const open = indexedDB.open('diffpir-models');
    const db = await new Promise<IDBDatabase>((res, rej) => { open.onsuccess = () => res(open.result); open.onerror = () => rej(open.error); });
    const keys = await new Promise<IDBValidKey[]>((res) => { const r = db.transaction('files').objectStore('files').getAllKeys(); r.onsuccess = () => res(r.result); });
    return String(keys.find((k) => String(k).startsWith('model:'))).slice('model:'.length);
  });
  const probe = new ProbePageObject(page);
  await probe.goto(`model=user:${userId}&clips=4&epochs=4`);
  await expect(page.getByRole('combobox', { name: 'Model' })).toHaveValue(`user:${userId}`);
  await expect(page.getByRole('combobox', { name: 'Model' }).locator('option', { hasText: 'random-init:trained-tiny (control' })).toHaveCount(1);
  await probe.trainAndWait();
  await expect(page.getByRole('figure', { name: 'Class-wise test F1, MLP probe' })).toContainText(/model trained-tiny · data tones-tiny-seed1/);
  expect(guard.foreign()).toEqual([]);
});

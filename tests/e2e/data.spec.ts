// The Data page in Chromium: the tiny built-in corpus rendered in the page's worker, a reload in
// the middle resuming it (clips stored as they finish are kept), counts, filters, thumbnails,
// playback, and a full storage quota reported with what is stored kept.
import { expect, test } from '@playwright/test';
import { guardOrigin } from './helpers/origin-guard.ts';
import { DataPage } from './pages/data-page.ts';

test('renders the tiny corpus on the first visit and resumes it after a reload', async ({ page, baseURL }) => {
  test.setTimeout(420_000);
  const guard = guardOrigin(page, new URL(baseURL!).origin);
  const data = new DataPage(page);
  const t0 = Date.now();
  await data.goto('tiny', true); // nothing stored yet: rendering starts by itself
  await expect(data.progress).toBeVisible();
  await expect(data.stored).toHaveText(/ of 58 clips of tiny stored/);
  await expect.poll(() => data.storedCount(), { timeout: 120_000 }).toBeGreaterThanOrEqual(4);
  const firstPartSec = (Date.now() - t0) / 1000;
  await data.screenshot('data-rendering');

  await page.reload(); // clips are stored, so nothing starts by itself: the test presses Resume
  await expect.poll(() => data.storedCount()).toBeGreaterThanOrEqual(4);
  const kept = await data.storedCount();
  await expect(page.getByRole('button', { name: new RegExp(`Resume rendering tiny \\(${kept} of 58 stored`) })).toBeVisible();
  const t1 = Date.now();
  await data.startRender();
  const summary = await data.waitForResult();
  const resumeSec = (Date.now() - t1) / 1000;
  const m = /(\d+) clips rendered and (\d+) kept/.exec(summary)!;
  expect(Number(m[2])).toBeGreaterThanOrEqual(kept);
  expect(Number(m[1]) + Number(m[2])).toBe(58);
  await expect(data.stored).toHaveText(/^58 of 58 clips/);
  test.info().annotations.push({ type: 'tiny corpus render in the page', description: `${kept} clips in ${firstPartSec.toFixed(1)} s before the reload; resume: ${summary} (${resumeSec.toFixed(1)} s wall)` });
  console.log(`tiny corpus: ${kept} clips before the reload (${firstPartSec.toFixed(1)} s); resume: ${summary}`);

  // Counts, filters, thumbnails and playback.
  const counts = page.getByRole('table', { name: /Clips per class in builtin:tiny:1/ });
  await expect(counts.getByRole('row', { name: /^train/ }).getByRole('cell')).toHaveText([...Array(10).fill('4'), '3', '39']); // 3 single-label clips per class + the 6 multi-label clips (every class but voi)
  await expect(counts.getByRole('row', { name: /^test/ }).getByRole('cell').last()).toHaveText('8');
  await data.classFilter.selectOption('vio');
  await data.splitFilter.selectOption('train');
  await expect(data.clips).toHaveCount(4);
  for (const item of await data.clips.all()) await expect(item).toContainText('vio');
  await expect(page.getByRole('img', { name: 'Log-mel of train-vio-0001' })).toBeVisible();
  await page.getByRole('button', { name: 'Play train-vio-0001' }).click();
  await expect(data.alert).toHaveCount(0);
  await data.splitFilter.selectOption('');
  await data.classFilter.selectOption('');
  await expect(page.getByText('58 clips', { exact: true })).toBeVisible();
  await data.screenshot('data-rendered-tiny');
  expect(guard.foreign()).toEqual([]);
});

test('a full storage quota is reported and the clips stored before are kept', async ({ page, baseURL }) => {
  test.setTimeout(240_000);
  const data = new DataPage(page);
  await data.goto('tiny');
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Storage.overrideQuotaForOrigin', { origin: new URL(baseURL!).origin, quotaSize: 600_000 });
  await data.startRender(1);
  await expect(data.alert).toContainText(/browser storage is full.*Everything stored before is kept/, { timeout: 180_000 });
  await expect(data.alert).toContainText(/clips are stored and kept/);
  const stored = await data.storedCount();
  expect(stored).toBeGreaterThan(0);
  expect(stored).toBeLessThan(23);
  await data.screenshot('data-quota-full');
  await page.reload();
  await expect.poll(() => data.storedCount()).toBe(stored);
  await expect(data.clips).toHaveCount(stored);
});

test('credits every recorded sample library with its licence and attribution', async ({ page }) => {
  const data = new DataPage(page);
  await data.goto('tiny');
  await page.getByText('Recorded instruments and their licences').click();
  const table = page.getByRole('table', { name: 'Sample libraries, licences and attribution' });
  await expect(table).toContainText('Weresax');
  await expect(table).toContainText('CC-BY-4.0');
  await expect(table).toContainText('Nicholas Brosowsky');
  await data.screenshot('data-credits');
});

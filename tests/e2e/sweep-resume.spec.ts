// A tiny sweep (random-init:tiny on the tiny tone plan, 4 clips per split, 2 sigmas, MLP + CNN,
// Han CNN baseline) reloaded in the middle: the page resumes it, keeps the finished cells, and
// completes with Figure 2's three charts and the paper's claims answered. Also records the page's memory after the full sweep.
import { readFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { guardOrigin } from './helpers/origin-guard.ts';
import { screenshot, SweepPageObject } from './pages/experiment-pages.ts';

test('a reload in the middle of a sweep resumes it', async ({ page, baseURL }) => {
  const guard = guardOrigin(page, new URL(baseURL!).origin);
  const sweep = new SweepPageObject(page);
  await sweep.goto();
  await sweep.configureTiny();
  await page.getByRole('button', { name: 'Run the sweep' }).click();
  await expect(sweep.progress).toBeVisible();
  await expect(sweep.status).toHaveText(/^[2-9] cells done/, { timeout: 240_000 });
  const before = await sweep.cellsDone();
  await screenshot(page, 'sweep-before-reload');

  await page.reload();
  await expect(page.getByRole('status').filter({ hasText: /Resuming the sweep started .* after a reload: \d+ cells were already done/ })).toBeVisible({ timeout: 60_000 });
  expect(await sweep.cellsDone()).toBeGreaterThanOrEqual(before);
  await expect(sweep.status).toContainText('finished', { timeout: 400_000 });
  expect(await sweep.cellsDone()).toBe(9); // Han CNN + 2 sigmas + 5 more taps + 1 more head (repeats are shared)
  for (const title of ['(a) F1 vs noise level sigma', '(b) F1 per tap', '(c) F1 per head']) {
    await expect(page.getByRole('figure', { name: title })).toContainText(/model random-init:tiny · data tones-tiny-seed1-max4.* · backend wasm/);
  }
  // The paper's claims on the finished sweep (no control here: that answer says so).
  await expect(page.getByTestId('claim-bottleneck')).toContainText(/Bottleneck best\?.*(yes|no|tie|mixed)\. best bottleneck tap: /);
  await expect(page.getByTestId('claim-beats-control')).toContainText(/n\/a\. the chosen cell has no control cell/);
  await screenshot(page, 'sweep-finished');

  // The results as JSON, and back in as an import.
  const download = page.waitForEvent('download');
  await page.getByRole('figure', { name: '(a) F1 vs noise level sigma' }).getByRole('button', { name: 'JSON' }).click();
  const saved = readFileSync(await (await download).path());
  await page.getByLabel('Import sweep results (JSON)').setInputFiles({ name: 'sweep.json', mimeType: 'application/json', buffer: saved });
  await expect(page.getByRole('status').filter({ hasText: 'Showing sweep.json: 9 cells' })).toBeVisible();

  const memory = await page.evaluate(async () => {
    const p = performance as Performance & { measureUserAgentSpecificMemory?: () => Promise<{ bytes: number }> };
    return p.measureUserAgentSpecificMemory ? (await p.measureUserAgentSpecificMemory()).bytes : null;
  }).catch(() => null);
  test.info().annotations.push({ type: 'page memory after the sweep (bytes, page + worker)', description: String(memory) });
  console.log(`page memory after a tiny sweep: ${memory === null ? 'not measurable' : `${(memory / 2 ** 20).toFixed(1)} MiB`}`);
  expect(guard.foreign()).toEqual([]);
});

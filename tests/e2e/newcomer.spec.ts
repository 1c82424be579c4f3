// The pages as a newcomer meets them (issue 14), each on a fresh profile at 1400x1000: Data's
// first visit renders tiny in under a minute with the preset changeable throughout; Explore's
// first visit shows where the classes separate with a legend on every map; the Han card's table
// is a table; Stop on Probe keeps the curves and is not an error; Recognize says which model and
// data made its answer and how they scored; one spelling and one control name across the app; a
// skip link and a purpose line on every page. Screenshots: tests/output/screenshots/newcomer-*.
import { expect, test, type Page } from '@playwright/test';
import { guardOrigin } from './helpers/origin-guard.ts';
import { DataPage } from './pages/data-page.ts';
import { ExplorePage } from './pages/explore-page.ts';
import { screenshot } from './pages/experiment-pages.ts';
import { ModelsPage } from './pages/models-page.ts';

test.use({ viewport: { width: 1400, height: 1000 } });

const note = (type: string, description: string) => {
  test.info().annotations.push({ type, description });
  console.log(`${type}: ${description}`);
};

async function storedMB(page: Page): Promise<number> {
  return page.evaluate(async () => ((await navigator.storage.estimate()).usage ?? 0) / 1e6);
}

test('data: the first visit renders tiny in under a minute, and the preset can be changed at any time', async ({ page, baseURL }) => {
  const guard = guardOrigin(page, new URL(baseURL!).origin);
  const data = new DataPage(page);
  const status = page.getByTestId('corpus-status');
  const t0 = Date.now();
  await page.goto('/?page=data');
  await expect(status).toContainText('Rendering tiny');
  await expect(page.getByTestId('page-purpose')).toBeVisible();

  // While tiny renders: both menus work, a bigger preset states its cost, tiny keeps going.
  await expect(data.preset).toBeEnabled();
  await expect(data.perClass).toBeEnabled();
  await data.preset.selectOption('small');
  await expect(data.stored).toContainText('of 1095 clips of small stored');
  const big = page.getByRole('button', { name: /^Render 1095 clips of small \(about \d+ (min|s|h)[^,]* here, \d+ MB\)$/ });
  await expect(big).toBeVisible();
  await expect(page.getByText('tiny is still rendering')).toBeVisible();
  await expect(status).toContainText(/Rendering tiny: \d+ of 58 clips rendered and stored|Rendering tiny: starting/);
  await screenshot(page, 'newcomer-data-rendering');
  await data.preset.selectOption('tiny');

  await expect(data.result).toBeVisible({ timeout: 60_000 });
  const seconds = (Date.now() - t0) / 1000;
  expect(seconds).toBeLessThan(60);
  await expect(status).toHaveText('tiny is ready: 58 clips stored in this browser, used by Explore, Probe and Sweep.');
  await expect(data.stored).toContainText(/^58 of 58 clips of tiny stored/);
  await expect(page.getByRole('button', { name: 'tiny is rendered' })).toBeDisabled();
  await expect(data.alert).toHaveCount(0);
  const mb = await storedMB(page);
  note('Data first visit (fresh profile)', `tiny rendered and stored in ${seconds.toFixed(1)} s from opening the page; ${mb.toFixed(1)} MB stored by the site; ${await data.result.textContent()}`);
  await data.preset.selectOption('small');
  await expect(page.getByRole('button', { name: /^Render 1095 clips of small/ })).toBeEnabled();
  await data.preset.selectOption('tiny');
  await screenshot(page, 'newcomer-data');
  expect(guard.foreign()).toEqual([]);
});

test('explore: the first visit shows where the classes separate, and every map has a legend', async ({ page, baseURL }) => {
  test.setTimeout(420_000);
  const guard = guardOrigin(page, new URL(baseURL!).origin);
  const ex = new ExplorePage(page);
  const t0 = Date.now();
  await ex.goto();
  await ex.waitForView('0.2');
  const viewSec = (Date.now() - t0) / 1000;
  await expect(ex.plots.first()).toBeVisible({ timeout: 360_000 });
  const usefulSec = (Date.now() - t0) / 1000;
  await expect(ex.plots).toHaveCount(2);
  await expect(ex.plots.nth(1)).toHaveAttribute('aria-label', /^random-init:model-a \(control\): PCA/);
  await expect(ex.plots.first().locator('.recharts-legend-item')).toHaveCount(11);

  // Every map has a legend: the three mels share one, each channel grid has its own.
  const mels = page.locator('.mel-triptych');
  await expect(mels.locator('canvas')).toHaveCount(3);
  await expect(mels.getByRole('img', { name: /^Colour scale of log-mel level/ })).toHaveCount(1);
  const grids = page.locator('figure.channel-grid');
  await expect(grids).toHaveCount(2);
  for (const g of await grids.all()) await expect(g.getByRole('img', { name: /^Colour scale of activation/ })).toHaveCount(1);
  await expect(grids.first().locator('.channel-caption').first()).toHaveText(/^ch \d+ · [\d.]+$/);
  await expect(grids.first().locator('figcaption')).toContainText('under each: channel · mean |activation|');

  // The tap is named the same in the heading and on the diagram.
  const tap = (await page.locator('article.explore-view').getAttribute('data-tap'))!;
  await expect(page.getByRole('heading', { name: new RegExp(`^Activations at ${tap.replace(/\./g, '\\.')}`) })).toBeVisible();
  await expect(ex.tap(tap)).toHaveText(new RegExp(`^${tap.replace(/\./g, '\\.')}`));
  await expect(ex.alert).toHaveCount(0);
  note('Explore first visit (fresh profile)', `view in ${viewSec.toFixed(1)} s; the class-separation view (tiny rendered here, model-a and its control projected) in ${usefulSec.toFixed(1)} s`);
  await screenshot(page, 'newcomer-explore');
  expect(guard.foreign()).toEqual([]);
});

test('models: the Han card table is a table, probe-default shows its card, cards are wide', async ({ page }) => {
  const models = new ModelsPage(page);
  await models.goto();
  const han = models.card('han-cnn-small');
  await expect(han.getByRole('table')).toBeVisible();
  await expect(han.getByRole('table').getByRole('row')).toHaveCount(12);
  await expect(han.getByRole('columnheader', { name: 'precision' })).toBeVisible();
  await expect(han.locator('pre')).toHaveCount(0);
  const probe = models.card('probe-default');
  await expect(probe.getByRole('heading', { name: 'How it was chosen' })).toBeVisible();
  await expect(probe.getByRole('table')).toBeVisible();
  const width = (await han.boundingBox())!.width;
  expect(width).toBeGreaterThan(900);
  await expect(models.card('random-init:student-v1')).toContainText('control');
  await screenshot(page, 'newcomer-models');
});

test('probe: Stop keeps the curves and says it stopped, without an error', async ({ page }) => {
  const probe = new (await import('./pages/experiment-pages.ts')).ProbePageObject(page);
  // The attention head and a slow learning rate: hundreds of epochs, so the run is still going at Stop.
  await probe.goto('model=random-init:tiny&clips=6&epochs=500&lr=0.000001&head=attention');
  await probe.train.click();
  await expect(probe.curves).toBeVisible({ timeout: 120_000 });
  await probe.stop.click();
  const stopped = page.getByTestId('probe-stopped');
  await expect(stopped).toContainText(/^Stopped by you after \d+ epochs?\. The curves so far are kept/, { timeout: 60_000 });
  await expect(probe.curves).toBeVisible();
  await expect(probe.curves.locator('.recharts-line-curve').first()).toBeVisible();
  await expect(page.locator('.error')).toHaveCount(0);
  await screenshot(page, 'newcomer-probe-stopped');
});

test('recognize: the built-in example, raw probability first, model, data and validation score', async ({ page, baseURL }) => {
  const guard = guardOrigin(page, new URL(baseURL!).origin);
  await page.goto('/?page=recognize');
  await expect(page.getByRole('heading', { name: 'Recognize the instruments in a recording' })).toBeVisible();
  await expect(page.getByTestId('recognize-probe-facts')).toContainText('validation micro F1 0.426');
  await page.getByRole('button', { name: 'Try the built-in example' }).click();
  const result = page.getByRole('article', { name: 'Instruments in demo-chords.wav' });
  await expect(result).toBeVisible({ timeout: 120_000 });
  await expect(page.getByTestId('recognize-verdict')).toContainText(/^Most probable: .+ \([a-z]{3}\) at probability [01]\.\d\d: /);
  await expect(page.getByTestId('recognize-facts')).toContainText(/Model student-v1 · data the built-in small corpus \(660 training, 165 validation, 150 test clips; .*\) · validation micro F1 0\.426 \(test 0\.260\)/);
  // Raw probabilities: the list is sorted and its first value is the verdict's.
  const values = (await page.getByRole('list', { name: 'Instrument probabilities' }).locator('.instrument-probability').allTextContents()).map(Number);
  expect(values).toEqual([...values].sort((a, b) => b - a));
  await expect(page.getByTestId('recognize-verdict')).toContainText(`probability ${values[0].toFixed(2)}`);
  // Timeline ticks are round seconds.
  const ticks = await page.getByRole('figure', { name: 'Timeline of demo-chords.wav' }).locator('.recharts-xAxis .recharts-cartesian-axis-tick-value').allTextContents();
  for (const t of ticks) expect(t).toMatch(/^\d+(\.\d)? s$/);
  await screenshot(page, 'newcomer-recognize');
  expect(guard.foreign()).toEqual([]);
});

test('one spelling, one control name, a purpose line and a skip link on every page', async ({ page }) => {
  test.setTimeout(240_000);
  const ids = ['clip', 'explore', 'probe', 'recognize', 'sweep', 'compare', 'models', 'data'];
  const texts: Record<string, string> = {};
  const visible: Record<string, string> = {};
  for (const id of ids) {
    await page.goto(`/?page=${id}&autorender=0`);
    await expect(page.getByTestId('page-purpose')).not.toBeEmpty();
    await expect(page.getByTestId('backend-words')).toBeVisible({ timeout: 60_000 });
    await expect(page.getByTestId('backend-reason')).toBeHidden();
    await page.waitForTimeout(1500); // lists filled from the worker and the models index
    texts[id] = await page.evaluate(() => document.body.textContent ?? '');
    visible[id] = await page.evaluate(() => document.body.innerText);
    // The skip link is the first Tab stop and lands on the page's main content.
    await page.locator('body').focus();
    await page.keyboard.press('Tab');
    await expect(page.getByRole('link', { name: 'Skip to main content' })).toBeFocused();
    await page.keyboard.press('Enter');
    await expect(page.locator('main#main')).toBeFocused();
    await screenshot(page, `newcomer-page-${id}`);
  }
  const all = Object.values(texts).join('\n');
  expect(all.match(/recogni[sz]\w*/gi)?.filter((w) => /recognis/i.test(w)) ?? []).toEqual([]);
  expect(all).not.toMatch(/random-init \(|\(control[:,]|student config, seed 0|itself the random-init control/);
  for (const id of ['explore', 'models', 'probe', 'sweep']) expect(texts[id], id).toContain('random-init:student-v1 (control)');
  // The header speaks a user's words; flags and adapter details wait behind "Why this backend".
  expect(Object.values(visible).join('\n')).not.toMatch(/--enable-unsafe-webgpu|adapter/);
});

// The student's Explore flow in Chromium on the `tiny` corpus (a few clips per class rendered in
// the page): pick a corpus clip, move sigma (with its DDPM t), pick taps on the U-Net diagram
// (mouse and keyboard), see the mels, the channel maps (model and control when there is one)
// and the corpus projection; the URL reproduces the view; nothing leaves the origin.
import { expect, test } from '@playwright/test';
import { guardOrigin } from './helpers/origin-guard.ts';
import { DataPage } from './pages/data-page.ts';
import { ExplorePage } from './pages/explore-page.ts';

test('explore: clip, sigma, taps, maps and projection on the tiny corpus', async ({ page, baseURL }) => {
  test.setTimeout(420_000);
  const guard = guardOrigin(page, new URL(baseURL!).origin);
  const data = new DataPage(page);
  await data.goto('tiny');
  await data.startRender(1); // 11 train + 11 validation + 1 test clip
  await data.waitForResult();

  const ex = new ExplorePage(page);
  await ex.goto();
  await ex.waitForView('0.2');
  const model = await ex.model.inputValue();
  const hasControl = !model.startsWith('random-init');
  await expect(ex.sigmaReadout).toHaveText('σ = 0.20 · DDPM t ≈ 95 of 1000');
  for (const name of [/^Log-mel of the window/, /^Noised log-mel at sigma 0.2/, /^One-step clean estimate/]) await expect(page.getByRole('img', { name })).toBeVisible();

  // A corpus clip.
  await ex.clip.selectOption('corpus:builtin:tiny:1/train-vio-0001');
  await expect(ex.view).toContainText('train-vio-0001.wav');

  // Sigma: the latency of one change, view to view.
  const t0 = Date.now();
  await ex.sigma.fill('0.6');
  await ex.waitForView('0.6');
  const sigmaMs = Date.now() - t0;
  await expect(ex.sigmaReadout).toContainText('σ = 0.60 · DDPM t ≈');

  // Taps: the paper's final downsampling block by mouse, then a bottleneck layer by keyboard.
  const finalDown = ex.diagram.getByRole('button', { name: /paper: final downsampling block/ });
  const finalName = (await finalDown.getAttribute('data-tap'))!;
  const t1 = Date.now();
  await finalDown.click();
  await ex.waitForView('0.6', finalName);
  const tapMs = Date.now() - t1;
  await expect(finalDown).toHaveAttribute('aria-pressed', 'true');
  await expect(page.getByRole('figure', { name: /strongest channels at/ }).first().getByRole('img', { name: /, channel \d+ at / })).toHaveCount(16);
  if (hasControl) await expect(page.getByRole('figure', { name: /\(control\): strongest channels/ }).getByRole('img', { name: /, channel \d+ at / })).toHaveCount(16);
  else await expect(page.getByText('This model has random weights itself: there is no separate control to show.').first()).toBeVisible();
  const bottleneck = ex.diagram.getByRole('button', { name: /paper: bottleneck layer 3/ });
  const bottleName = (await bottleneck.getAttribute('data-tap'))!;
  await bottleneck.focus();
  await page.keyboard.press('Enter');
  await ex.waitForView('0.6', bottleName);
  const workerMs = await ex.workerMs();

  // Projection of the corpus at this (sigma, tap), coloured by instrument.
  const t2 = Date.now();
  await ex.projectButton.click();
  await expect(ex.plots.first()).toBeVisible({ timeout: 240_000 });
  const projectionMs = Date.now() - t2;
  await expect(ex.plots.first()).toHaveAttribute('data-points', '22');
  await expect(ex.plots).toHaveCount(hasControl ? 2 : 1);
  await expect(ex.plots.first().locator('.recharts-legend-item')).toHaveCount(11);
  await expect(ex.alert).toHaveCount(0);
  await ex.screenshot('explore-tiny');

  const note = `sigma change ${sigmaMs} ms, tap change ${tapMs} ms (view to view, debounce included; worker ${workerMs} ms), projection of 22 clips ${projectionMs} ms, model ${model}`;
  test.info().annotations.push({ type: 'explore latency on WASM', description: note });
  console.log(`explore: ${note}`);

  // The URL reproduces the view.
  const url = new URL(page.url());
  expect(url.searchParams.get('sigma')).toBe('0.6');
  expect(url.searchParams.get('tap')).toBe(bottleName);
  expect(url.searchParams.get('clip')).toBe('corpus:builtin:tiny:1/train-vio-0001');
  const again = await page.context().newPage();
  const ex2 = new ExplorePage(again);
  await again.goto(page.url());
  await ex2.waitForView('0.6', bottleName);
  await expect(ex2.view).toContainText('train-vio-0001.wav');
  await expect(ex2.tap(bottleName)).toHaveAttribute('aria-pressed', 'true');
  await again.close();
  expect(guard.foreign()).toEqual([]);
});

test('explore: an uploaded clip, and a broken one reported while the page keeps working', async ({ page }) => {
  test.setTimeout(180_000);
  const ex = new ExplorePage(page);
  await ex.goto('model=random-init:tiny&sigma=0.3&autorender=0');
  await ex.waitForView('0.3');
  const { toneWav } = await import('./helpers/wav.ts');
  await page.getByLabel('Upload a clip').setInputFiles({ name: 'tones.wav', mimeType: 'audio/wav', buffer: toneWav({ seconds: 2 }) });
  await expect(ex.view).toContainText('tones.wav');
  await page.getByLabel('Upload a clip').setInputFiles({ name: 'broken.wav', mimeType: 'audio/wav', buffer: Buffer.from('RIFF....WAVEnope') });
  await expect(ex.alert).toContainText(/broken\.wav/);
  await ex.clip.selectOption('demo');
  await expect(ex.view).toContainText('demo-chords.wav');
  await ex.sigma.fill('0.5');
  await ex.waitForView('0.5');
});

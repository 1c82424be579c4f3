// Recognize, keyboard only (Tab, Enter, Space; files are set on the focused input): two generated
// WAV files are queued ("file i of n") and each gets both answers side by side, the diffusion
// probe's (labelled with the probe and its U-Net) and the Han CNN's (labelled with its folder),
// each with a timeline; the answers stay when leaving the page and coming back, and after a
// reload; cancel stops a queue and keeps what is done; a Han CNN missing from the build fails
// alone. Screenshots: tests/output/screenshots/recognize-side-by-side*.png.
import { expect, test, type Page } from '@playwright/test';
import { guardOrigin } from './helpers/origin-guard.ts';
import { toneWav } from './helpers/wav.ts';
import { RecognizePageObject, screenshot } from './pages/experiment-pages.ts';

test.use({ viewport: { width: 1400, height: 1000 } });

const wav = (name: string, hz: number, seconds = 2) => ({
  name, mimeType: 'audio/wav', buffer: toneWav({ seconds, tones: [{ hz, amplitude: 0.3 }, { hz: hz * 2, amplitude: 0.15 }, { hz: hz * 3, amplitude: 0.08 }] }),
});

async function expectBothAnswers(rec: RecognizePageObject, name: string): Promise<void> {
  const probe = rec.probeAnswer(name);
  const han = rec.hanAnswer(name);
  await expect(probe).toHaveAttribute('data-status', 'done', { timeout: 120_000 });
  await expect(han).toHaveAttribute('data-status', 'done', { timeout: 120_000 });
  await expect(probe.getByTestId('probe-model-label')).toHaveText('probe-default (shipped) reading U-Net student-v1');
  await expect(han.getByTestId('han-model-label')).toHaveText('Han CNN han-cnn-recorded');
  await expect(probe.getByTestId('recognize-verdict')).toContainText(/^Most probable: .+ \([a-z]{3}\) at probability [01]\.\d\d: /);
  await expect(han.getByTestId('han-verdict')).toContainText(/^Most probable: .+ \([a-z]{3}\) at probability [01]\.\d\d: /);
  await expect(han.getByTestId('han-facts')).toContainText('trained on rendered-small-seed1-875175ca322d');
  await expect(probe.getByRole('figure', { name: `Timeline of ${name}: diffusion probe` })).toBeVisible();
  await expect(han.getByRole('figure', { name: `Han CNN over time: ${name}` })).toBeVisible();
  await expect(rec.file(name).getByRole('alert')).toHaveCount(0);
}

async function gotoRecognize(page: Page): Promise<RecognizePageObject> {
  const rec = new RecognizePageObject(page);
  await rec.goto();
  expect(await rec.hasShippedProbe()).toBe(true);
  await expect(page.getByTestId('recognize-han-facts')).toContainText('Han CNN han-cnn-recorded, trained on');
  await page.locator('body').focus();
  return rec;
}

test('two files: both answers for each, labelled with their models; kept when coming back and after a reload', async ({ page, baseURL }) => {
  test.setTimeout(300_000);
  const guard = guardOrigin(page, new URL(baseURL!).origin);
  const rec = await gotoRecognize(page);

  await rec.tabTo(rec.audioFile);
  await rec.audioFile.setInputFiles([wav('low-a.wav', 220), wav('high-e.wav', 659)]);
  await expect(page.getByTestId('recognize-queue')).toContainText(/^File [12] of 2: (low-a|high-e)\.wav · /);
  await expect(page.getByRole('article', { name: /^Instruments in / })).toHaveCount(2);
  for (const name of ['low-a.wav', 'high-e.wav']) await expectBothAnswers(rec, name);
  await expect(page.getByTestId('recognize-queue')).toHaveCount(0);
  await expect(page.getByTestId('recognize-count')).toHaveText('2 files: 2 finished. Kept in this browser until you clear them.');
  await screenshot(page, 'recognize-side-by-side');

  // Away to Models and back with the keyboard: the answers are still there.
  const nav = page.getByRole('navigation', { name: 'Lab pages' });
  await rec.tabTo(nav.getByRole('link', { name: 'Models' }), 400);
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { name: /^Recognize the instruments/ })).toHaveCount(0);
  await page.locator('body').focus();
  await rec.tabTo(nav.getByRole('link', { name: 'Recognize' }));
  await page.keyboard.press('Enter');
  for (const name of ['low-a.wav', 'high-e.wav']) await expectBothAnswers(rec, name);

  // After a reload: read back from this browser's storage.
  await page.reload();
  for (const name of ['low-a.wav', 'high-e.wav']) await expectBothAnswers(rec, name);
  expect(guard.foreign()).toEqual([]);
});

test('cancel stops the queue and keeps the answers so far', async ({ page }) => {
  test.setTimeout(300_000);
  const rec = await gotoRecognize(page);
  await rec.tabTo(rec.audioFile);
  await rec.audioFile.setInputFiles([wav('one.wav', 262), wav('two.wav', 330, 6), wav('three.wav', 392, 6)]);
  await expect(rec.hanAnswer('one.wav')).toHaveAttribute('data-status', 'done', { timeout: 120_000 });
  const cancel = page.getByRole('button', { name: 'Cancel the queue' });
  await rec.tabTo(cancel);
  await page.keyboard.press('Space');
  await expect(page.getByTestId('recognize-cancelled')).toContainText(/^Cancelled\. [12] of 3 files have an answer; those stay below\./);
  await expectBothAnswers(rec, 'one.wav');
  await expect(rec.probeAnswer('three.wav')).toHaveAttribute('data-status', 'cancelled');
  await expect(rec.probeAnswer('three.wav')).toContainText('Not recognized: you cancelled the queue.');
  await screenshot(page, 'recognize-side-by-side-cancelled');
});

test('a Han CNN missing from the build fails alone, with a clear message', async ({ page }) => {
  await page.route('**/models/han-cnn-recorded/**', (route) => route.fulfill({ status: 404, body: '' }));
  const rec = new RecognizePageObject(page);
  await rec.goto();
  await expect(page.getByTestId('recognize-han-facts')).toHaveText('Han CNN: models/han-cnn-recorded/ is not in this build, so only the probe answers.');
  await page.locator('body').focus();
  await rec.tabTo(rec.audioFile);
  await rec.audioFile.setInputFiles([wav('alone.wav', 440)]);
  await expect(rec.probeAnswer('alone.wav')).toHaveAttribute('data-status', 'done', { timeout: 120_000 });
  await expect(rec.hanAnswer('alone.wav')).toHaveAttribute('data-status', 'failed', { timeout: 60_000 });
  await expect(rec.hanAnswer('alone.wav').getByRole('alert')).toHaveText('Han et al. CNN gave no answer: Han CNN models/han-cnn-recorded/ is not in this build (model.json: HTTP 404)');
  await expect(rec.probeAnswer('alone.wav').getByTestId('recognize-verdict')).toBeVisible();
  await screenshot(page, 'recognize-side-by-side-han-missing');
});

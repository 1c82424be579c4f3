// Recognize, keyboard only (Tab, Enter, Space; files are set on the focused input): two generated
// WAV files are queued ("file i of n") and each gets both answers side by side, the diffusion
// probe's (labelled with the probe and its U-Net) and the Han CNN's (labelled with its folder),
// each with its confidence state (recognized with confidence or not, the top three with their
// values and thresholds) and a timeline, and above them the shipped recognizer's answer (the
// declared combination of the two in models/recognizer/, calibrated as one model); the answers stay when leaving the page and coming back,
// and after a reload; cancel stops a queue and keeps what is done; a Han CNN missing from the
// build fails alone; with a calibration.json in the Han folder (made by the test) the answer is
// calibrated and the Models page draws its reliability diagram; Compare scores a labelled folder
// with both models. Screenshots: tests/output/screenshots/recognize-side-by-side*.png.
import { expect, test, type Locator, type Page } from '@playwright/test';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { testCalibration } from './helpers/calibration.ts';
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
  await expectConfidence(probe.getByTestId('probe-confidence'));
  await expectConfidence(han.getByTestId('han-confidence'));
  await expect(probe.getByRole('figure', { name: `Timeline of ${name}: diffusion probe` })).toBeVisible();
  await expect(han.getByRole('figure', { name: `Han CNN over time: ${name}` })).toBeVisible();
  const combined = rec.combinedAnswer(name);
  await expect(combined).toHaveAttribute('data-status', 'done', { timeout: 30_000 });
  await expect(combined.getByTestId('combined-model-label')).toHaveText('models/recognizer: probe-default + han-cnn-recorded combined');
  await expect(combined.getByTestId('combined-rule')).toContainText('(probe-default × 1, han-cnn-recorded × 1), then calibrated as one model');
  await expectConfidence(combined.getByTestId('combined-confidence'));
  await expect(combined.getByTestId('combined-confidence')).toContainText('The shipped recognizer is calibrated on real-validation-v2');
  await expect(combined.getByRole('figure', { name: `Timeline of ${name}: shipped recognizer` })).toBeVisible();
  await expect(rec.file(name).getByRole('alert')).toHaveCount(0);
}

/** The confidence state: confident (naming classes) or the not-sure line, the top three with values and thresholds. */
async function expectConfidence(block: Locator): Promise<void> {
  await expect(block).toHaveAttribute('data-confidence', /^(confident|not-sure)$/);
  const headline = block.locator('.confidence-headline');
  if ((await block.getAttribute('data-confidence')) === 'confident') await expect(headline).toHaveText(/^Recognized with confidence: .+ \([a-z]{3}, [01]\.\d\d\)/);
  else await expect(headline).toHaveText('No instrument recognized with confidence');
  const rows = block.getByRole('table', { name: /^Top three classes/ }).locator('tbody tr');
  await expect(rows).toHaveCount(3);
  for (const row of await rows.all()) await expect(row).toHaveText(/^.+ \([a-z]{3}\)[01]\.\d\d(≥ [01]\.\d\d|score ≥ [01]\.\d\d and ≥ 0\.50)(yes|no)$/);
}

async function gotoRecognize(page: Page): Promise<RecognizePageObject> {
  const rec = new RecognizePageObject(page);
  await rec.goto();
  expect(await rec.hasShippedProbe()).toBe(true);
  await expect(page.getByTestId('recognize-han-facts')).toContainText('Han et al. CNN: han-cnn-recorded, reading the log-mel, trained on rendered-small-seed1-875175ca322d');
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
  // Every answer (2 files x the shipped recognizer, probe and Han CNN) shows its confidence state; all are calibrated.
  const states = page.locator('[data-confidence]');
  await expect(states).toHaveCount(6);
  for (const s of await states.all()) expect(['confident', 'not-sure']).toContain(await s.getAttribute('data-confidence'));
  await expect(page.getByText(/is calibrated on real-validation-v2/).first()).toBeVisible();
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
  await rec.audioFile.setInputFiles([wav('one.wav', 262), wav('two.wav', 330, 20), wav('three.wav', 392, 20)]);
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
  await expect(rec.combinedAnswer('alone.wav').getByRole('alert')).toHaveText('No combined answer: the Han CNN gave none.');
  await screenshot(page, 'recognize-side-by-side-han-missing');
});

test('a calibration.json in the Han CNN folder: calibrated answer, per-class thresholds, reliability diagram on Models', async ({ page }) => {
  const cal = testCalibration('han-cnn-recorded');
  await page.route('**/models/han-cnn-recorded/calibration.json', (route) => route.fulfill({ json: cal }));
  await page.route('**/models/index.json', async (route) => {
    const index = (await (await route.fetch()).json()) as { models: { name: string; files: string[] }[] };
    for (const m of index.models) if (m.name === 'han-cnn-recorded' && !m.files.includes('calibration.json')) m.files = [...m.files, 'calibration.json'].sort();
    await route.fulfill({ json: index });
  });
  const rec = await gotoRecognize(page);
  await rec.tabTo(rec.audioFile);
  await rec.audioFile.setInputFiles([wav('calibrated.wav', 330)]);
  const han = rec.hanAnswer('calibrated.wav');
  await expect(han).toHaveAttribute('data-status', 'done', { timeout: 120_000 });
  const block = han.getByTestId('han-confidence');
  await expectConfidence(block);
  await expect(block).toContainText('The Han CNN is calibrated on e2e-fixture (40 clips): each class has its own threshold on the calibrated probability');
  await expect(block.getByRole('columnheader', { name: 'calibrated probability' })).toBeVisible();
  // The shipped probe folder carries its own calibration.json (fitted on the real-recording tune part).
  await expect(rec.probeAnswer('calibrated.wav').getByTestId('probe-confidence')).toContainText('The probe is calibrated on real-validation-v2');
  await screenshot(page, 'recognize-side-by-side-calibrated');

  const nav = page.getByRole('navigation', { name: 'Lab pages' });
  await page.locator('body').focus();
  await rec.tabTo(nav.getByRole('link', { name: 'Models' }));
  await page.keyboard.press('Enter');
  const panel = page.getByRole('region', { name: 'Calibration of han-cnn-recorded' });
  await expect(panel.getByTestId('calibration-summary')).toHaveText(/^Fitted on e2e-fixture \(40 validation clips; content id 0123456789ab\)\. Calibration error \(ECE, 10 bins over 440 clip-class pairs\): 0\.183 raw, 0\.071 calibrated/);
  const figure = panel.getByRole('figure', { name: 'Reliability of han-cnn-recorded' });
  await expect(figure.locator('.recharts-scatter-symbol')).toHaveCount(10);
  await expect(figure.locator('.recharts-legend-item')).toHaveCount(2);
  for (const item of ['raw (ECE 0.183)', 'calibrated (ECE 0.071)']) await expect(figure.locator('.recharts-legend-item', { hasText: item })).toHaveCount(1);
  await expect(page.getByRole('region', { name: 'Calibration of probe-default' })).toHaveCount(1); // shipped, fitted on the real tune part
  const recognizer = page.getByRole('region', { name: 'Calibration of recognizer' }); // the shipped combination, same part
  await expect(recognizer.getByTestId('calibration-summary')).toHaveText(/^Fitted on real-validation-v2 \(36 validation clips; content id 050ead41ba11\)\./);
  await expect(recognizer.getByRole('figure', { name: 'Reliability of recognizer' })).toBeVisible();
  await expect(page.getByRole('alert')).toHaveCount(0);
  await panel.scrollIntoViewIfNeeded();
  await panel.screenshot({ path: 'tests/output/screenshots/recognize-side-by-side-reliability.png' });
});

test('Compare: a labelled folder scored by the probe and the Han CNN', async ({ page }) => {
  test.setTimeout(300_000);
  const dir = mkdtempSync(path.join(tmpdir(), 'diffpir-labelled-'));
  const folder = path.join(dir, 'my-clips');
  mkdirSync(folder);
  try {
    writeFileSync(path.join(folder, 'labels.json'), JSON.stringify({ 'flute-ish.wav': ['flu'], 'low.wav': ['cel'], 'both.wav': ['pia', 'voi'] }));
    writeFileSync(path.join(folder, 'flute-ish.wav'), wav('flute-ish.wav', 880, 3).buffer);
    writeFileSync(path.join(folder, 'low.wav'), wav('low.wav', 131, 3).buffer);
    writeFileSync(path.join(folder, 'both.wav'), wav('both.wav', 262, 3).buffer);
    writeFileSync(path.join(folder, 'extra.wav'), wav('extra.wav', 440, 1).buffer);
    await page.goto('/?page=compare');
    const input = page.getByLabel('Labelled folder', { exact: true });
    await input.setInputFiles(folder);
    await expect(page.getByTestId('folder-score-found')).toHaveText('my-clips: 3 labelled audio files (labels from labels.json).');
    await expect(page.getByText('1 audio file is not in labels.json and left out: extra.wav')).toBeVisible();
    const results = page.getByTestId('folder-score-results');
    const summary = results.getByRole('table', { name: 'Scores on my-clips' });
    await expect(summary.locator('tbody tr')).toHaveCount(2, { timeout: 180_000 });
    await expect(summary.locator('tbody tr').nth(0).locator('th')).toHaveText('probe-default (shipped) reading U-Net student-v1');
    await expect(summary.locator('tbody tr').nth(1).locator('th')).toHaveText('Han CNN han-cnn-recorded');
    for (const cell of await summary.locator('td[data-metric]').all()) await expect(cell).toHaveText(/^[01]\.\d{3}$/);
    const classWise = results.getByRole('table', { name: 'Class-wise precision, recall and F1 on my-clips' });
    await expect(classWise.locator('tbody tr')).toHaveCount(13);
    for (const name of ['probe-default (shipped) reading U-Net student-v1', 'Han CNN han-cnn-recorded']) {
      const confusion = results.getByRole('table', { name: `Confusion table: ${name}`, exact: true });
      await expect(confusion.locator('tbody th')).toHaveText(['cel', 'flu', 'pia', 'voi']);
    }
    await expect(page.getByRole('alert')).toHaveCount(0);
    await results.scrollIntoViewIfNeeded();
    await screenshot(page, 'recognize-side-by-side-compare-folder');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

// The student's probe flow on the `tiny` plan (the synthetic tone stand-in of the tiny preset,
// so the test needs no sound banks): move sigma and the tap, see each head's parameter count,
// train an MLP probe with live curves, save it, then compare its class-wise F1 with the Han CNN
// trained on the same data, with Han et al.'s IRMAS figures labelled as such. Exports a CSV.
import { readFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { guardOrigin } from './helpers/origin-guard.ts';
import { ComparePageObject, ProbePageObject, screenshot } from './pages/experiment-pages.ts';

test('student: train an MLP probe on tiny and see its class-wise F1 against the Han CNN', async ({ page, baseURL }) => {
  const guard = guardOrigin(page, new URL(baseURL!).origin);
  const probe = new ProbePageObject(page);
  await probe.goto('model=random-init:tiny&clips=6&epochs=8');

  for (const kind of ['mlp', 'cnn', 'crnn', 'attention']) await expect(probe.headParams(kind)).toContainText(/[\d,]+ parameters for \[/);
  await expect(probe.head('MLP')).toBeChecked();
  await probe.sigma.focus();
  for (let i = 0; i < 5; i++) await page.keyboard.press('ArrowRight');
  await expect(probe.sigma).toHaveValue('0.15');
  await probe.tap.selectOption('d3.0.resnet');
  await expect(probe.headParams('mlp')).toContainText('[16] pooled');
  expect(page.url()).toMatch(/sigma=0\.15/);
  expect(page.url()).toMatch(/tap=d3\.0\.resnet/);

  const t0 = Date.now();
  await probe.trainAndWait();
  const trainMs = Date.now() - t0;
  test.info().annotations.push({ type: 'MLP probe on tiny tones (6 clips/split, <= 8 epochs), features + training', description: `${trainMs} ms; ${await page.getByTestId('probe-summary').textContent()}` });
  await expect(probe.curves).toBeVisible();
  await expect(page.getByRole('figure', { name: 'Class-wise test F1, MLP probe' })).toContainText(/model random-init:tiny · data tones-tiny-seed1.* · sigma 0\.15 · tap d3\.0\.resnet · head MLP · backend wasm/);
  await expect(page.getByRole('table', { name: /Class-wise test precision, recall and F1/ })).toContainText('micro');
  await probe.save();
  await screenshot(page, 'probe-trained');

  // Probe files out and back in.
  const files: { name: string; buffer: Buffer }[] = [];
  page.on('download', async (d) => files.push({ name: d.suggestedFilename(), buffer: readFileSync(await d.path()) }));
  await page.getByRole('button', { name: 'Export probe files' }).click();
  await expect.poll(() => files.length).toBe(2);
  expect(files.map((f) => f.name).sort()).toEqual(['probe.json', 'weights.bin']);
  await page.getByLabel('Import probe files').setInputFiles(files.map((f) => ({ ...f, mimeType: 'application/octet-stream' })));
  await expect(page.getByRole('list', { name: 'Saved probes' }).getByRole('listitem').filter({ hasText: '(imported)' })).toHaveCount(1);
  page.removeAllListeners('download');

  const compare = new ComparePageObject(page);
  await compare.goto();
  await expect(page.getByRole('checkbox', { name: /MLP · random-init:tiny · sigma 0\.15 · d3\.0\.resnet/ })).toBeChecked();
  await compare.trainHan(2, 6);
  await expect(compare.summary).toContainText(/MLP · random-init:tiny/);
  await expect(compare.summary.getByRole('rowheader', { name: /on IRMAS \(published; this data is not IRMAS\)/ })).toBeVisible();
  await expect(compare.chart).toContainText('IRMAS micro 0.602');
  await expect(page.getByRole('table', { name: 'Class-wise test precision, recall and F1' })).toContainText('Han CNN (here)');

  const download = page.waitForEvent('download');
  await compare.chart.getByRole('button', { name: 'CSV' }).click();
  const csv = readFileSync(await (await download).path(), 'utf8');
  expect(csv).toContain('system,class,precision,recall,f1,support');
  expect(csv).toMatch(/Han CNN \(here\),vio,/);
  const png = page.waitForEvent('download');
  await compare.chart.getByRole('button', { name: 'PNG' }).click();
  const pngBytes = readFileSync(await (await png).path());
  expect(pngBytes.subarray(1, 4).toString('latin1')).toBe('PNG');
  expect(pngBytes.length).toBeGreaterThan(5000);
  const svg = page.waitForEvent('download');
  await compare.chart.getByRole('button', { name: 'SVG' }).click();
  const svgText = readFileSync(await (await svg).path(), 'utf8');
  expect(svgText).toMatch(/^<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg"/);
  expect(svgText).toContain('model random-init:tiny');
  await screenshot(page, 'compare-probe-vs-han');
  expect(guard.foreign()).toEqual([]);
});

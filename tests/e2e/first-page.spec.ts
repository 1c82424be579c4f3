// The first page in Chromium without WebGPU: backend shown (WASM, with the reason), the demo
// clip drawn, an uploaded WAV rendered, bad uploads reported while the page keeps working, and
// no request leaving the app's origin.
import { expect, test } from '@playwright/test';
import { guardOrigin } from './helpers/origin-guard.ts';
import { pcm16Wav, toneWav } from './helpers/wav.ts';
import { LabPage } from './pages/lab-page.ts';

test('loads with a backend and the demo clip, and measures time to interactive', async ({ page, baseURL }) => {
  const guard = guardOrigin(page, new URL(baseURL!).origin);
  const lab = new LabPage(page);
  await lab.goto();
  await lab.waitUntilReady();
  await expect(lab.backendName).toHaveText('WASM');
  await expect(lab.backendReason).toContainText('no WebGPU adapter was found');
  await expect(lab.duration).toHaveText('4.00 s');
  await expect(lab.sampleRate).toContainText('44.1 kHz');
  await expect(lab.channels).toContainText('2');
  const stats = await lab.melStats();
  expect(stats.distinctColours).toBeGreaterThan(30);
  expect(stats.nonBackground).toBeGreaterThan(0.3);
  const tti = await page.evaluate(() => ({
    interactiveMs: performance.getEntriesByName('lab-interactive')[0].startTime,
    isolated: crossOriginIsolated,
  }));
  expect(tti.isolated).toBe(true);
  test.info().annotations.push({ type: 'time to interactive (ms)', description: tti.interactiveMs.toFixed(0) });
  console.log(`time to interactive: ${tti.interactiveMs.toFixed(0)} ms`);
  await lab.screenshot('first-page-demo');
  expect(guard.foreign()).toEqual([]);
});

test('renders the mel of an uploaded wav', async ({ page, baseURL }) => {
  const guard = guardOrigin(page, new URL(baseURL!).origin);
  const lab = new LabPage(page);
  await lab.goto();
  await lab.waitUntilReady();
  await lab.upload('tones.wav', toneWav({ seconds: 3, sampleRate: 22050 }));
  await expect(lab.clipName).toHaveText('tones.wav');
  await expect(lab.duration).toHaveText('3.00 s');
  await expect(lab.sampleRate).toContainText('22.05 kHz');
  await expect(lab.channels).toHaveText('1');
  await expect(lab.mel).toHaveAttribute('data-frames', '150');
  const stats = await lab.melStats();
  expect(stats.distinctColours).toBeGreaterThan(10);
  expect(stats.nonBackground).toBeGreaterThan(0.3);
  await expect(lab.alert).toHaveCount(0);
  await lab.screenshot('uploaded-tones');

  // A 10 s clip: the worker's decode and mel times, for the record.
  await lab.upload('ten-seconds.wav', toneWav({ seconds: 10, sampleRate: 44100, channels: 2 }));
  await expect(lab.duration).toHaveText('10.00 s');
  const timings = await lab.timings.textContent();
  test.info().annotations.push({ type: '10 s clip, worker', description: timings ?? '' });
  console.log(`10 s stereo 44.1 kHz wav in the worker: ${timings}`);
  expect(guard.foreign()).toEqual([]);
});

test('bad uploads show a clear error and the page keeps working', async ({ page }) => {
  const lab = new LabPage(page);
  await lab.goto();
  await lab.waitUntilReady();
  const good = toneWav({ seconds: 1 });
  const cases: { name: string; bytes: Buffer; message: RegExp; mime?: string }[] = [
    { name: 'notes.txt', bytes: Buffer.from('these are not the samples you are looking for\n'), message: /notes\.txt: not an audio file the lab can read \(it looks like text\)/, mime: 'text/plain' },
    { name: 'empty.wav', bytes: Buffer.alloc(0), message: /empty\.wav: file is empty/ },
    { name: 'cut.wav', bytes: good.subarray(0, 30), message: /cut\.wav: truncated/ },
    { name: 'nothing.wav', bytes: pcm16Wav([new Int16Array(0)], 16000), message: /nothing\.wav: .*zero-length/ },
    { name: 'long.wav', bytes: pcm16Wav([new Int16Array(601 * 1000)], 1000), message: /long\.wav: clip is 601\.0 s long; the limit is 600 s/ },
  ];
  for (const c of cases) {
    await lab.upload(c.name, c.bytes, c.mime);
    await expect(lab.alert).toContainText(c.message);
    await expect(lab.clipName).toContainText('built-in demo');
  }
  await lab.screenshot('bad-upload-error');

  // Recoverable oddities are warnings: a WAV cut inside its data, and a silent clip.
  await lab.upload('half.wav', good.subarray(0, 44 + 8000));
  await expect(lab.clipName).toHaveText('half.wav');
  await expect(lab.alert).toHaveCount(0);
  await expect(lab.warnings).toContainText('half.wav: truncated WAV');
  await lab.upload('silence.wav', pcm16Wav([new Int16Array(16000)], 16000));
  await expect(lab.clipName).toHaveText('silence.wav');
  await expect(lab.warnings).toContainText('silence.wav: clip is silent');

  // Still works afterwards.
  await lab.upload('after.wav', toneWav({ seconds: 2 }));
  await expect(lab.clipName).toHaveText('after.wav');
  await expect(lab.duration).toHaveText('2.00 s');
  await page.getByRole('button', { name: 'Show the demo clip' }).click();
  await expect(lab.clipName).toContainText('built-in demo');
});

test('forcing WebGPU without --enable-unsafe-webgpu falls back to WASM and says so; CPU can be forced', async ({ page }) => {
  const lab = new LabPage(page);
  await lab.goto();
  await lab.waitUntilReady();
  await lab.forceBackend('webgpu');
  await expect(lab.backendName).toHaveText('WASM');
  await expect(lab.backendReason).toContainText('WebGPU was requested but no WebGPU adapter was found');
  expect(page.url()).toContain('backend=webgpu');
  await lab.forceBackend('cpu');
  await expect(lab.backendName).toHaveText('CPU');
  await expect(lab.backendReason).toHaveText('CPU was requested.');
  const { errors } = await lab.runOpsCheck();
  expect(Object.values(errors).every((e) => e === 0)).toBe(true);
  await lab.forceBackend('auto');
  await expect(lab.backendName).toHaveText('WASM');
});

// Browser parity: the app's src/audio code, bundled by Vite into a test-only page (built here into
// tests/output, never into dist/), computes the mel of ../shared/fixtures/mel in Chromium and must
// match it as in Node; it also decodes MP3, Ogg Vorbis, FLAC and WAV with the same wasm decoders.
import { expect, test } from '@playwright/test';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { buildTestPage, ROOT, serveTestPage, SHARED_FIXTURES } from './helpers/test-page.ts';

const audioFixtures = path.join(ROOT, 'tests/fixtures/audio');

test.beforeAll(async () => {
  expect(existsSync(path.join(SHARED_FIXTURES, 'mel/audio.npy')), `shared fixtures missing at ${SHARED_FIXTURES}`).toBe(true);
  await buildTestPage('mel-parity');
});

test('mel front end in Chromium matches the PyTorch fixture; wasm decoders work', async ({ page, baseURL }) => {
  const prefix = await serveTestPage(page, baseURL!, 'mel-parity', { mounts: { 'fixtures/': SHARED_FIXTURES, 'audio/': audioFixtures } });
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(`${prefix}mel-parity.html`);
  await page.waitForFunction(() => (window as unknown as { melParity?: unknown }).melParity !== undefined, null, { timeout: 60_000 });
  const r = await page.evaluate(() => (window as unknown as { melParity: Record<string, unknown> }).melParity);
  console.log(`Chromium: mel rel error ${Number(r.magnitudeRelError).toExponential(2)}, log max abs error ${Number(r.logMaxAbsError).toExponential(2)}, mel of 10 s ${Number(r.mel10sMs).toFixed(1)} ms`);
  console.log(`Chromium decoded: ${JSON.stringify(r.decoded)}`);
  expect(errors).toEqual([]);
  expect(r.error).toBeUndefined();
  expect(r.frames).toBe(100);
  expect(r.magnitudeRelError as number).toBeLessThanOrEqual(1e-5);
  expect(r.logCompared as number).toBeGreaterThan(1000);
  expect(r.logMaxAbsError as number).toBeLessThanOrEqual(1e-3);
  expect(r.decoded).toEqual([
    { file: 'tone-stereo-44100.mp3', format: 'mp3', sampleRate: 44100, channels: 2, seconds: 0.5, samples16k: 8000 },
    { file: 'tone-mono-48000.ogg', format: 'ogg-vorbis', sampleRate: 48000, channels: 1, seconds: 0.5, samples16k: 8000 },
    { file: 'tone-stereo-48000.flac', format: 'flac', sampleRate: 48000, channels: 2, seconds: 0.25, samples16k: 4000 },
    { file: 'tone-mono-16000-s24.wav', format: 'wav', sampleRate: 16000, channels: 1, seconds: 0.1, samples16k: 1600 },
  ]);
});

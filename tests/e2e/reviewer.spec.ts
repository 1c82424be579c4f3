// The reviewer's flow: open Recognize, drop a clip the test synthesises, and get the predicted
// instruments (IRMAS code + probability in [0, 1]) and a timeline, with the shipped probe (or,
// while none is shipped, a quick probe trained on the Probe page first). Also: Recognize latency
// for a 10 s clip on WASM, cold (fresh worker) and warm; a bad upload; no foreign requests.
import { expect, test, type Page } from '@playwright/test';
import { guardOrigin } from './helpers/origin-guard.ts';
import { pcm16Wav } from './helpers/wav.ts';
import { ProbePageObject, RecognizePageObject, screenshot } from './pages/experiment-pages.ts';

const CODES = ['cel', 'cla', 'flu', 'gac', 'gel', 'org', 'pia', 'sax', 'tru', 'vio', 'voi'];

/** A bowed-string-like line: sawtooth partials with vibrato over a slow melody, 16-bit mono. */
function melodyWav(seconds: number, baseHz: number, sampleRate = 22050): Buffer {
  const n = Math.round(seconds * sampleRate);
  const out = new Int16Array(n);
  const steps = [0, 2, 4, 5, 7, 5, 4, 2];
  let phase = 0;
  for (let i = 0; i < n; i++) {
    const t = i / sampleRate;
    const f = baseHz * 2 ** (steps[Math.floor(t * 2) % steps.length] / 12) * (1 + 0.006 * Math.sin(2 * Math.PI * 5.5 * t));
    phase += (2 * Math.PI * f) / sampleRate;
    let v = 0;
    for (let h = 1; h <= 10; h++) v += Math.sin(h * phase) / h;
    out[i] = Math.round(6000 * v * Math.min(1, t * 20));
  }
  return pcm16Wav([out], sampleRate);
}

/** The probe's answer either names classes (each an IRMAS code) or says it is not sure. */
async function expectNamedOrNotSure(page: Page, rec: RecognizePageObject): Promise<void> {
  const state = await page.getByTestId('probe-confidence').first().getAttribute('data-confidence');
  expect(['confident', 'not-sure']).toContain(state);
  if (state === 'not-sure') {
    await expect(page.getByTestId('probe-confidence').first()).toContainText('No instrument recognized with confidence');
  } else {
    expect(await rec.predicted.getByRole('listitem').count()).toBeGreaterThan(0);
  }
}

test('reviewer: a dropped clip gives predicted instruments with probabilities and a timeline', async ({ page, baseURL }) => {
  const guard = guardOrigin(page, new URL(baseURL!).origin);
  const rec = new RecognizePageObject(page);
  await rec.goto();
  if (!(await rec.hasShippedProbe())) {
    await expect(page.getByText(/No shipped probe was found/)).toBeVisible();
    test.info().annotations.push({ type: 'probe', description: 'no shipped probe: trained an MLP on random-init:tiny features first' });
    const probe = new ProbePageObject(page);
    await probe.goto('model=random-init:tiny&clips=4&epochs=3');
    await probe.trainAndWait();
    await probe.save();
    await rec.goto(); // a fresh page and worker: the next recognition is cold
  }

  const cold = await rec.recognize('strings-10s.wav', melodyWav(10, 392));
  // The shipped probe is calibrated: a synthetic melody may get "not sure" (nothing named) or named classes.
  await expectNamedOrNotSure(page, rec);
  const items = page.getByRole('list', { name: 'Instrument probabilities' }).first().getByRole('listitem');
  expect(await items.count()).toBeGreaterThan(0);
  for (const text of await items.allTextContents()) {
    const code = /\b([a-z]{3})\b/.exec(text)?.[1];
    expect(CODES).toContain(code);
    const p = Number(/\b([01](?:\.\d+)?)\s*$/.exec(text)?.[1]);
    expect(p).toBeGreaterThanOrEqual(0);
    expect(p).toBeLessThanOrEqual(1);
  }
  await expect(page.getByRole('figure', { name: 'Timeline of strings-10s.wav' })).toContainText('backend wasm');
  await screenshot(page, 'recognize-result');

  const warm = await rec.recognize('strings-10s-lower.wav', melodyWav(10, 196));
  for (const [kind, r] of [['cold', cold], ['warm', warm]] as const) {
    test.info().annotations.push({ type: `Recognize 10 s clip, WASM, ${kind}`, description: `${r.wallMs} ms wall; ${r.timing}` });
    console.log(`Recognize 10 s clip (${kind}): ${r.wallMs} ms wall; ${r.timing}`);
  }

  await rec.upload('notes.txt', Buffer.from('not audio at all\n'), 'text/plain');
  await expect(rec.alert).toContainText(/notes\.txt: not an audio file the lab can read \(it looks like text\)/);
  await screenshot(page, 'recognize-bad-upload');
  await rec.recognize('after.wav', melodyWav(4, 262));
  await expect(rec.alert).toHaveCount(0);
  await expectNamedOrNotSure(page, rec);
  expect(guard.foreign()).toEqual([]);
});

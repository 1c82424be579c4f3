// Recognize latency in Chromium, as a reviewer meets it: the built lab (`vite build`, then
// `vite preview` on 127.0.0.1), Debian's /usr/bin/chromium headless, the Recognize page with its
// shipped probe and Han CNN side by side. A clip of 10 s and one of 3 min, each cold (a fresh page,
// so a fresh worker that loads the models) and warm (a second clip of the same length on the same
// page). Wall time from the upload until each answer's panel says done. RECOGNIZE_BENCH_SECONDS=10
// (or a list) picks the clip lengths.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { chromium, type Page } from 'playwright-core';
import type { BenchRow } from '../bench.ts';
import { pcm16Wav } from '../../tests/e2e/helpers/wav.ts';

export const title = 'Recognize latency (shipped probe and Han CNN side by side), built lab in Chromium, WASM';

const PORT = 4329;
const ORIGIN = `http://127.0.0.1:${PORT}`;

/** A sawtooth melody with vibrato (any audio will do for timing), 16-bit mono at 22.05 kHz. */
function melody(seconds: number, baseHz: number): Buffer {
  const sr = 22050;
  const n = Math.round(seconds * sr);
  const x = new Int16Array(n);
  let phase = 0;
  for (let i = 0; i < n; i++) {
    const t = i / sr;
    const hz = baseHz * 2 ** ([0, 2, 4, 5, 7, 5, 4, 2][Math.floor(t * 2) % 8] / 12) * (1 + 0.004 * Math.sin(2 * Math.PI * 5.5 * t));
    phase += hz / sr;
    let v = 0;
    for (let k = 1; k <= 6; k++) v += Math.sin(2 * Math.PI * k * phase) / k;
    x[i] = Math.round(6000 * v);
  }
  return pcm16Wav([x], sr);
}

async function waitForServer(ms: number): Promise<void> {
  const end = Date.now() + ms;
  while (Date.now() < end) {
    try {
      if ((await fetch(`${ORIGIN}/`)).ok) return;
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`vite preview did not answer on ${ORIGIN} within ${ms / 1000} s`);
}

/** Uploads one clip and returns the seconds until the probe's and the Han CNN's panels are done. */
async function recognizeOnce(page: Page, name: string, wav: Buffer): Promise<{ probe: number; han: number; timing: string }> {
  const t0 = performance.now();
  await page.getByLabel('Audio file', { exact: true }).setInputFiles({ name, mimeType: 'audio/wav', buffer: wav });
  const until = async (label: string) => {
    const sel = `section[aria-label="${label} answer for ${name}"]`;
    await page.waitForSelector(`${sel}[data-status="done"], ${sel}[data-status="failed"]`, { timeout: 900_000 });
    const status = await page.getAttribute(sel, 'data-status');
    if (status !== 'done') throw new Error(`${label} on ${name}: ${status}`);
    return (performance.now() - t0) / 1000;
  };
  const [probe, han] = await Promise.all([until('Diffusion probe'), until('Han CNN')]);
  const timing = (await page.locator(`article[aria-label="Instruments in ${name}"] [data-testid="recognize-timing"]`).textContent()) ?? '';
  return { probe, han, timing: timing.trim() };
}

export async function run(): Promise<BenchRow[]> {
  const executablePath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
  if (!existsSync(executablePath)) {
    console.log(`no Chromium at ${executablePath} (apt-get install -y chromium): skipped`);
    return [];
  }
  const lengths = (process.env.RECOGNIZE_BENCH_SECONDS ?? '10,180').split(',').map(Number);
  if (spawnSync('npx', ['vite', 'build', '--logLevel', 'warn'], { stdio: 'inherit' }).status !== 0) throw new Error('vite build failed');
  const server = spawn('npx', ['vite', 'preview', '--host', '127.0.0.1', '--port', String(PORT), '--strictPort'], { stdio: 'ignore', detached: true });
  const browser = await chromium.launch({
    executablePath,
    args: ['--no-sandbox', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  const rows: BenchRow[] = [];
  try {
    await waitForServer(60_000);
    for (const seconds of lengths) {
      const page = await browser.newPage();
      const foreign: string[] = [];
      page.context().on('request', (r) => {
        if (!r.url().startsWith(ORIGIN) && !r.url().startsWith('data:') && !r.url().startsWith('blob:')) foreign.push(r.url());
      });
      await page.goto(`${ORIGIN}/?page=recognize`);
      await page.getByRole('heading', { name: /Recognize the instruments/ }).waitFor();
      for (const [state, hz] of [['cold', 392], ['warm', 196]] as const) {
        const r = await recognizeOnce(page, `clip-${seconds}s-${state}.wav`, melody(seconds, hz));
        console.log(`recognize ${seconds} s ${state}: probe ${r.probe.toFixed(2)} s, Han ${r.han.toFixed(2)} s; ${r.timing}`);
        rows.push({ 'clip s': seconds, state, 'probe done s': r.probe, 'Han CNN done s': r.han, 'probe per audio s': r.probe / seconds, 'page timing line': r.timing });
      }
      if (foreign.length) throw new Error(`requests beyond the app's origin: ${foreign.join(', ')}`);
      await page.close();
    }
  } finally {
    await browser.close();
    try {
      process.kill(-server.pid!, 'SIGTERM');
    } catch {
      // already gone
    }
  }
  return rows;
}

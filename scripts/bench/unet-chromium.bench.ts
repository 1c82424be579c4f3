// U-Net forward speed in Chromium (Debian's /usr/bin/chromium, headless, WASM backend with
// threads and SIMD, cross-origin isolated): the page tests/e2e/pages/unet-bench.ts, bundled by
// Vite and served through Playwright routes on a loopback origin (nothing listens; nothing leaves).
// Student and paper-size configs, random weights, 2 s clips, full forward and early exit at the
// first up block, batch 1 and 8. UNET_BENCH_QUICK=1 skips the paper-size batch of 8;
// UNET_BENCH_CONFIGS=student (or paper) runs one config.
import { existsSync } from 'node:fs';
import { chromium } from 'playwright-core';
import type { BenchRow } from '../bench.ts';
import { buildTestPage, ISOLATION_HEADERS, serveTestPage } from '../../tests/e2e/helpers/test-page.ts';
import type { UNetBenchResult } from '../../tests/e2e/pages/unet-bench.ts';
import { tfjsWasmThreads } from '../vite/tfjs-wasm-threads.ts';
import { forwardMacs } from '../../src/unet/macs.ts';
import { paperProbeSites } from '../../src/unet/taps.ts';
import { PAPER_CONFIG, STUDENT_CONFIG } from '../../src/unet/presets.ts';

export const title = 'U-Net forward per 2 s clip (128 x 104), random weights, WASM in Chromium';

const PYTORCH_FULL_S = { paper: 3.8, student: 0.1 }; // PyTorch 1.13, 2 threads, this machine
const ORIGIN = 'http://127.0.0.1:9/';

export async function run(): Promise<BenchRow[]> {
  const executablePath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
  if (!existsSync(executablePath)) {
    console.log(`no Chromium at ${executablePath} (apt-get install -y chromium): skipped`);
    return [];
  }
  await buildTestPage('unet-bench', [tfjsWasmThreads()]);
  const browser = await chromium.launch({
    executablePath,
    args: ['--no-sandbox', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  const rows: BenchRow[] = [];
  try {
    const quick = process.env.UNET_BENCH_QUICK === '1';
    const only = process.env.UNET_BENCH_CONFIGS?.split(',');
    const cases = ([['student', '1,8'], ['paper', quick ? '1' : '1,8']] as ['paper' | 'student', string][])
      .filter(([name]) => !only || only.includes(name));
    for (const [name, batches] of cases) {
      const page = await browser.newPage();
      const prefix = await serveTestPage(page, ORIGIN, 'unet-bench', { headers: ISOLATION_HEADERS });
      await page.goto(`${prefix}unet-bench.html?backend=wasm&config=${name}&batches=${batches}`);
      await page.waitForFunction(() => (window as unknown as { __unetBench?: unknown }).__unetBench !== undefined, null, { timeout: 1_800_000 });
      const r = await page.evaluate(() => (window as unknown as { __unetBench: UNetBenchResult }).__unetBench);
      await page.close();
      if (r.error) throw new Error(`unet-bench ${name}: ${r.error}`);
      console.log(`chromium ${name}: load ${r.loadSeconds.toFixed(1)} s, leaked tensors ${r.leakedTensors}; ${JSON.stringify(r.facts)}`);
      const cfg = name === 'paper' ? PAPER_CONFIG : STUDENT_CONFIG;
      for (const row of r.rows) {
        const stop = row.mode === 'full' ? undefined : paperProbeSites(cfg).firstUp;
        const gmac = forwardMacs(cfg, [1, 1, 128, 104], stop) / 1e9;
        rows.push({
          config: name,
          backend: r.backend,
          batch: row.batch,
          forward: row.mode === 'full' ? 'full' : `to ${stop}`,
          'wall s/clip': row.seconds / row.batch,
          'GMAC/clip': gmac,
          'GMAC/s (wall)': (gmac * row.batch) / row.seconds,
          'PyTorch full s/clip': PYTORCH_FULL_S[name],
          'wall vs PyTorch full': row.seconds / row.batch / PYTORCH_FULL_S[name],
        });
      }
    }
  } finally {
    await browser.close();
  }
  return rows;
}

// Browser parity of the U-Net: the app's src/unet, bundled into a test-only page, runs the shared
// PyTorch 2D fixture (../shared/fixtures/unet-2d) in Chromium on WebGPU (SwiftShader adapter via
// --enable-unsafe-webgpu), WebGL and WASM; every tap and v must match: ||a - b|| / ||b|| <= 1e-3
// on the GPU backends, 1e-4 on WASM. A backend that does not start fails the test.
import { expect, test } from '@playwright/test';
import { existsSync } from 'node:fs';
import path from 'node:path';
import config from '../../playwright.config.ts';
import { tfjsWasmThreads } from '../../scripts/vite/tfjs-wasm-threads.ts';
import { buildTestPage, ISOLATION_HEADERS, serveTestPage, SHARED_FIXTURES } from './helpers/test-page.ts';
import type { UNetParityResult } from './pages/unet-parity.ts';

const base = config.use?.launchOptions ?? {};
test.use({ launchOptions: { ...base, args: [...(base.args ?? []), '--enable-unsafe-webgpu'] } });

test.beforeAll(async () => {
  expect(existsSync(path.join(SHARED_FIXTURES, 'unet-2d/weights.safetensors')), `shared fixtures missing at ${SHARED_FIXTURES}`).toBe(true);
  await buildTestPage('unet-parity', [tfjsWasmThreads()]);
});

// A second (warm) forward is timed where it is cheap; on SwiftShader WebGPU one forward takes ~25 s.
const CASES: [backend: string, tolerance: number, passes: number][] = [
  ['webgpu', 1e-3, 1],
  ['webgl', 1e-3, 2],
  ['wasm', 1e-4, 2],
];

for (const [backend, tolerance, passes] of CASES) {
  test(`U-Net on ${backend} in Chromium: every tap and v of the 2D fixture within ${tolerance}`, async ({ page, baseURL }) => {
    const prefix = await serveTestPage(page, baseURL!, 'unet-parity', { mounts: { 'fixtures/': SHARED_FIXTURES }, headers: ISOLATION_HEADERS });
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(`${prefix}unet-parity.html?backend=${backend}&passes=${passes}`);
    await page.waitForFunction(() => (window as unknown as { __unetParity?: unknown }).__unetParity !== undefined, null, { timeout: 150_000 });
    const r = await page.evaluate(() => (window as unknown as { __unetParity: UNetParityResult }).__unetParity);
    expect(r.error).toBeUndefined();
    expect(errors).toEqual([]);
    console.log(
      `${backend}: ${Object.keys(r.perTap).length} tensors, max relative error ${r.maxRelErr.toExponential(2)} (${r.worst}); ` +
        `load ${r.ms.load.toFixed(0)} ms, first forward ${r.ms.first.toFixed(0)} ms, second ${r.ms.second?.toFixed(0) ?? '-'} ms; ${JSON.stringify(r.facts)}`,
    );
    expect(r.backend).toBe(backend);
    expect(Object.keys(r.perTap)).toHaveLength(43);
    for (const [tap, e] of Object.entries(r.perTap)) expect(e, tap).toBeLessThanOrEqual(tolerance);
    expect(r.leakedTensors).toBe(0);
  });
}

// With --enable-unsafe-webgpu Chromium offers a software (SwiftShader) WebGPU adapter: the
// chooser keeps WASM and says why; forced onto WebGPU, a small set of ops matches CPU within
// 1e-5; a lost device falls back to WASM with a notice.
import { expect, test } from '@playwright/test';
import config from '../../playwright.config.ts';
import { guardOrigin } from './helpers/origin-guard.ts';
import { LabPage } from './pages/lab-page.ts';

const base = config.use?.launchOptions ?? {};
test.use({ launchOptions: { ...base, args: [...(base.args ?? []), '--enable-unsafe-webgpu'] } });

test('a software WebGPU adapter is not picked by default', async ({ page }) => {
  const lab = new LabPage(page);
  await lab.goto();
  await lab.waitUntilReady();
  await expect(lab.backendName).toHaveText('WASM');
  await expect(lab.backendReason).toContainText('the only WebGPU adapter is a software one (google swiftshader)');
  await lab.screenshot('webgpu-flag-auto');
});

test('ops on WebGPU match CPU within 1e-5; device loss falls back to WASM', async ({ page, baseURL }) => {
  const guard = guardOrigin(page, new URL(baseURL!).origin);
  const lab = new LabPage(page);
  await lab.goto('backend=webgpu');
  await lab.waitUntilReady();
  await expect(lab.backendName).toHaveText('WebGPU');
  await expect(lab.backendReason).toContainText('WebGPU was requested (software adapter');
  const { summary, errors } = await lab.runOpsCheck();
  expect(summary).toMatch(/^webgpu vs cpu/);
  expect(Object.keys(errors)).toEqual(['conv2d', 'matMul', 'softmax', 'erf', 'mean', 'variance', 'resizeNearest']);
  for (const [op, err] of Object.entries(errors)) expect(err, op).toBeLessThanOrEqual(1e-5);
  console.log(`WebGPU vs CPU: ${summary}`);
  await lab.screenshot('webgpu-ops-check');

  await page.getByRole('button', { name: 'Simulate WebGPU device loss' }).click();
  await expect(lab.notices.first()).toContainText('The WebGPU device was lost');
  await expect(lab.backendName).toHaveText('WASM');
  await expect(lab.backendSelect).toHaveValue('auto');
  await lab.screenshot('webgpu-device-lost');
  expect(guard.foreign()).toEqual([]);
});

// End to end: `node bin/diffpir.mjs taps` on the 2D fixture writes v and every tap matching PyTorch,
// stops early for encoder taps, and fails with one line on bad input.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { parseNpy } from '../../common/npy.ts';
import { FIXTURES, relativeError } from '../../unet/testing/fixtures.ts';

const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const FX = path.join(FIXTURES, 'unet-2d');
const dir = mkdtempSync(path.join(tmpdir(), 'diffpir-taps-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function cli(...args: string[]) {
  const base = ['--weights', path.join(FX, 'weights.safetensors'), '--config', path.join(FX, 'config.json'), '--sigma', path.join(FX, 'sigma.npy')];
  const r = spawnSync(process.execPath, [path.join(REPO_ROOT, 'bin/diffpir.mjs'), 'taps', ...base, ...args], { cwd: dir, encoding: 'utf8' });
  return { code: r.status, stdout: r.stdout.trim(), stderr: r.stderr.trim() };
}
const npy = (f: string) => parseNpy(new Uint8Array(readFileSync(f)));

describe('diffpir taps', () => {
  it('writes v.npy and all 42 taps in torch layout, within 1e-4 of PyTorch', () => {
    const r = cli('--input', path.join(FX, 'x_noisy.npy'), '--out', 'all');
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/^wasm: forward \d+ ms; wrote 43 files to all$/);
    const files = readdirSync(path.join(dir, 'all'));
    expect(files).toHaveLength(43);
    for (const f of files) {
      const ref = npy(f === 'v.npy' ? path.join(FX, 'v.npy') : path.join(FX, 'taps', f));
      const got = npy(path.join(dir, 'all', f));
      expect(got.shape, f).toEqual(ref.shape);
      expect(relativeError(got.data, ref.data), f).toBeLessThanOrEqual(1e-4);
    }
  });

  it('stops early for encoder taps and writes no v.npy', () => {
    const r = cli('--input', path.join(FX, 'x_noisy.npy'), '--out', 'enc', '--taps', 'd3.4.resnet,d1.down');
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/stopped early after 16 of 42 sites \(no v\.npy\)/);
    expect(readdirSync(path.join(dir, 'enc')).sort()).toEqual(['d1.down.npy', 'd3.4.resnet.npy']);
    expect(existsSync(path.join(dir, 'enc', 'v.npy'))).toBe(false);
  });

  it('fails with one line naming the problem', () => {
    const bad = cli('--input', path.join(FX, 'sigma.npy'), '--out', 'bad');
    expect(bad.code).toBe(1);
    expect(bad.stderr).toMatch(/^diffpir taps: U-Net input: expected shape \[B, 1, H, W\] \(torch layout\), got \[2\]$/);
  });
});

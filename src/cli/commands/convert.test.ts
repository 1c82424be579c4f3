// End to end: `node bin/diffpir.mjs convert` writes a model directory equal to reading the
// checkpoint directly, and fails with one line naming the problem.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadModelDir, loadWeights } from '../../weights/index.ts';
import { REPO_ROOT, fixturePath } from '../../weights/test-fixtures.ts';

const dir = mkdtempSync(path.join(tmpdir(), 'diffpir-convert-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function cli(...args: string[]) {
  const r = spawnSync(process.execPath, [path.join(REPO_ROOT, 'bin/diffpir.mjs'), 'convert', ...args], { cwd: dir, encoding: 'utf8' });
  return { code: r.status, stdout: r.stdout.trim(), stderr: r.stderr.trim() };
}

describe('diffpir convert', () => {
  it('converts the 2-D fixture (fixture-style config) to float16 and the result loads', async () => {
    const r = cli(fixturePath('unet-2d', 'weights.safetensors'), '--config', fixturePath('unet-2d', 'config.json'), '--out', 'model', '--float16');
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/^weights\.safetensors -> model: 200 tensors, 1\.3 MiB float16 in 1 shards \(\d+\.\d s\)$/);
    const config = JSON.parse(readFileSync(path.join(dir, 'model/config.json'), 'utf8'));
    expect(Object.keys(config)).toEqual(['unet']); // fixture-only keys (taps, seed, ...) are not copied
    const loaded = await loadModelDir(path.join(dir, 'model'));
    const direct = await loadWeights(fixturePath('unet-2d', 'weights.safetensors'), loaded.config);
    expect(loaded.weights.size).toBe(direct.weights.size);
  }, 60_000);

  it('fails with one line naming key, expected and actual shape on a config mismatch', () => {
    const r = cli(fixturePath('unet-2d', 'weights.safetensors'), '--config', fixturePath('unet-1d', 'config.json'), '--out', 'bad');
    expect(r.code).toBe(1);
    expect(r.stderr.split('\n')).toHaveLength(1);
    expect(r.stderr).toMatch(/^diffpir convert: weights\.safetensors: weights do not match the config: .*blocks\.2\.blocks\.1\.net\.block\.blocks\.0\.block\.weight: expected \[32, 128, 1\], got \[8, 1, 1, 1\]/);
    expect(r.stderr).toMatch(/The weights imply dim 2 \(config: 1\); in_channels 1 \(config: 128\)/);
  }, 60_000);
});

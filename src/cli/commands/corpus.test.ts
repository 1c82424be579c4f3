// End to end: `node bin/diffpir.mjs corpus` prints a preset's per-class counts, imports a
// folder, and fails with one line naming the problem.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { encodeWav } from '../../audio/wav-encode.ts';
import { Args, parseArgs } from '../args.ts';
import { corpusCommand } from './corpus.ts';

const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const dir = mkdtempSync(path.join(tmpdir(), 'diffpir-corpus-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function cli(...args: string[]) {
  const r = spawnSync(process.execPath, [path.join(REPO, 'bin/diffpir.mjs'), 'corpus', ...args], { cwd: dir, encoding: 'utf8' });
  return { code: r.status, stdout: r.stdout.trim(), stderr: r.stderr.trim() };
}

describe('diffpir corpus', () => {
  it('prints the per-class plan of a preset without rendering', () => {
    const r = cli('--plan', 'small');
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/preset small: 1095 clips/);
    expect(r.stdout).toMatch(/^train\s+(\d+\s+){11}780/m);
    expect(r.stdout).toMatch(/of which 120 are OpenPIR-like multi-label clips/);
    expect(cli('--plan', 'sf-small').stdout).toMatch(/^train\s+(60\s+){11}660/m);
    expect(r.stdout).toMatch(/labels per test clip: 1\.71/);
    expect(r.stdout).toMatch(/recipe 3, recorded, codec stage on some clips\)\n/);
    expect(r.stdout).toContain('codec stage: 220 clips (126 MP3, 94 Ogg Vorbis)');
    expect(cli('--plan', 'r2-small').stdout).not.toContain('codec stage');
  }, 90_000);

  it('imports an IRMAS folder into a manifest', () => {
    const irmas = path.join(dir, 'irmas/cel');
    mkdirSync(irmas, { recursive: true });
    writeFileSync(path.join(irmas, '[cel][cla]0001__1.wav'), encodeWav(new Float32Array(8000), 16000));
    const r = cli('--irmas', path.join(dir, 'irmas'), '--out', 'out');
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/IRMAS: 1 clips -> .*manifest\.json/);
    expect(existsSync(path.join(dir, 'out/manifest.json'))).toBe(true);
  }, 60_000);

  it('fails with one line for a bad path', () => {
    const bad = cli('--irmas', 'no-such-dir', '--out', 'out');
    expect(bad.code).toBe(1);
    expect(bad.stderr).toMatch(/^diffpir corpus: IRMAS folder not found: .*no-such-dir$/);
  }, 60_000);

  it('asks for exactly one mode', async () => {
    const run = (...a: string[]) => corpusCommand.run(new Args(parseArgs(a), 'corpus'));
    await expect(run('--out', 'x')).rejects.toThrow(/give exactly one of --preset, --irmas, --openpir/);
    await expect(run('--preset', 'tiny', '--irmas', 'x', '--out', 'x')).rejects.toThrow(/exactly one/);
    await expect(run('--plan', 'big')).rejects.toThrow(/unknown corpus preset "big"/);
  });
});

// End to end: `node bin/diffpir.mjs mel` on temp files gives the library's result, and one-line errors.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parseNpy } from '../../common/npy.ts';
import { encodeWav, loadAudio16k, logMel, melSpectrogram } from '../../audio/index.ts';
import { REPO_ROOT, SHARED_FIXTURES, sine } from '../../audio/test-helpers.ts';

const dir = mkdtempSync(path.join(tmpdir(), 'diffpir-mel-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function cli(...args: string[]) {
  const r = spawnSync(process.execPath, [path.join(REPO_ROOT, 'bin/diffpir.mjs'), 'mel', ...args], { cwd: dir, encoding: 'utf8' });
  return { code: r.status, stdout: r.stdout.trim(), stderr: r.stderr.trim() };
}

describe('diffpir mel', () => {
  it('writes the same log-mel as the library for a stereo 44.1 kHz wav', async () => {
    const left = sine(440, 44100, 1.2, 0.5), right = sine(1320, 44100, 1.2, 0.3);
    const wavBytes = encodeWav([left, right], 44100);
    writeFileSync(path.join(dir, 'in.wav'), wavBytes);
    const r = cli('in.wav', '--out', 'out.npy', '--log');
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/^in\.wav: wav, 44100 Hz, 2 ch, 1\.20 s -> out\.npy \[128, 60\] log-mel \(decode\+resample \d+ ms, mel \d+ ms\)$/);
    const written = parseNpy(new Uint8Array(readFileSync(path.join(dir, 'out.npy'))));
    const expected = logMel((await loadAudio16k(wavBytes, 'in.wav')).samples);
    expect(written.shape).toEqual([128, expected.frames]);
    expect(written.data).toEqual(expected.logMel);
  }, 60_000);

  it('reads a .npy of 16 kHz samples and reproduces the fixture magnitude', () => {
    const r = cli(path.join(SHARED_FIXTURES, 'mel/audio.npy'), '--out', 'fixture.npy');
    expect(r.code, r.stderr).toBe(0);
    const written = parseNpy(new Uint8Array(readFileSync(path.join(dir, 'fixture.npy'))));
    const ref = parseNpy(new Uint8Array(readFileSync(path.join(SHARED_FIXTURES, 'mel/mel_magnitude.npy'))));
    expect(written.shape).toEqual([128, 100]);
    let num = 0, den = 0;
    for (let i = 0; i < ref.data.length; i++) { num += (written.data[i] - ref.data[i]) ** 2; den += ref.data[i] ** 2; }
    expect(Math.sqrt(num / den)).toBeLessThanOrEqual(1e-5);
    const audio = parseNpy(new Uint8Array(readFileSync(path.join(SHARED_FIXTURES, 'mel/audio.npy'))));
    expect(written.data).toEqual(melSpectrogram(audio.data).magnitude);
  }, 60_000);

  it('fails with one clear line on bad input', () => {
    writeFileSync(path.join(dir, 'notes.wav'), 'just some text');
    const bad = cli('notes.wav', '--out', 'x.npy');
    expect(bad.code).toBe(1);
    expect(bad.stderr).toBe('diffpir mel: notes.wav: not an audio file the lab can read (it looks like text); expected WAV, MP3, Ogg Vorbis, FLAC or a .npy of 16 kHz samples');
    const missing = cli('missing.wav', '--out', 'x.npy');
    expect(missing.stderr).toBe('diffpir mel: cannot read missing.wav: no such file');
    writeFileSync(path.join(dir, 'quiet.wav'), encodeWav(new Float32Array(16000), 16000));
    const quiet = cli('quiet.wav', '--out', 'q.npy');
    expect(quiet.code).toBe(0);
    expect(quiet.stderr).toMatch(/^warning: quiet\.wav: clip is silent/);
  }, 60_000);
});

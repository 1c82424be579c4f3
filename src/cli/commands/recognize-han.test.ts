// `diffpir recognize --han`: the shipped Han CNN (models/han-cnn-small) on a synthetic wav gives
// the same JSON as recognizeHan and the probe's text layout (--uncalibrated: the model's own global
// threshold; by default the shipped calibration.json's per-class thresholds); one-line errors for a missing or
// wrong folder and for --han with --probe.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { encodeWav } from '../../audio/index.ts';
import { REPO_ROOT, sine } from '../../audio/test-helpers.ts';
import type { RecognitionResult } from '../../features/recognize.ts';
import { runCli } from '../testing.ts';

const HAN = path.join(REPO_ROOT, 'models/han-cnn-small');

const run = (argv: string[]) => runCli(argv);

describe('diffpir recognize --han', () => {
  let dir: string;
  let wav: string;
  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'diffpir-rec-han-'));
    wav = path.join(dir, 'tone.wav');
    // 1.8 s stereo at 22.05 kHz: resampled to 16 kHz, 90 frames, windows 0-1, 0.5-1.5, 0.8-1.8 s.
    await writeFile(wav, encodeWav([sine(330, 22050, 1.8, 0.4), sine(660, 22050, 1.8, 0.2)], 22050));
    return () => rm(dir, { recursive: true, force: true });
  });

  it('prints the recognize JSON for the Han CNN', async () => {
    const r = await run(['recognize', wav, '--han', HAN, '--json', '--uncalibrated']);
    expect(r.code, r.err).toBe(0);
    const res = JSON.parse(r.out) as RecognitionResult;
    expect(res.probe).toBe(HAN);
    expect(res.model).toMatch(/^han-cnn/);
    expect(res.duration).toBe(1.8);
    expect(res.threshold).toBe(0.83);
    expect(res.instruments).toHaveLength(11);
    expect(res.instruments.every((i) => i.probability >= 0 && i.probability <= 1 && typeof i.predicted === 'boolean')).toBe(true);
    expect(res.windows.map((w) => [w.start, w.end])).toEqual([[0, 1], [0.5, 1.5], [0.8, 1.8]]);
    expect(Object.keys(res.windows[0].probabilities)).toHaveLength(11);
  });

  it('applies the shipped calibration.json: per-class thresholds', async () => {
    const r = await run(['recognize', wav, '--han', HAN, '--json']);
    expect(r.code, r.err).toBe(0);
    const res = JSON.parse(r.out) as RecognitionResult;
    expect(typeof res.threshold).toBe('object');
    expect(Object.keys(res.threshold as Record<string, number>)).toHaveLength(11);
  });

  it('prints the text layout of recognize', async () => {
    const r = await run(['recognize', wav, '--han', HAN, '--uncalibrated']);
    expect(r.code, r.err).toBe(0);
    const lines = r.out.split('\n');
    expect(lines[0]).toBe(`${wav}: 1.80 s, 3 windows; model han-cnn (log-mel); probe ${HAN}; threshold 0.83`);
    expect(lines[1]).toMatch(/^Predicted: /);
    expect(r.out).toContain('code  instrument         probability  score  predicted');
    expect(r.out).toMatch(/\n0\.00-1\.00 {6}/);
    expect(r.out).toMatch(/\n0\.80-1\.80 {6}/);
  });

  it('fails with one clear line on a wrong folder or with --probe', async () => {
    const missing = await run(['recognize', wav, '--han', path.join(dir, 'nope')]);
    expect(missing.code).toBe(1);
    expect(missing.err).toMatch(/^diffpir recognize: no Han CNN at .*nope \(model\.json missing; made by `npx diffpir train-baseline`/);
    expect(missing.err.split('\n')).toHaveLength(1);
    const unet = await run(['recognize', wav, '--han', path.join(REPO_ROOT, 'models/student-v1')]);
    expect(unet.code).toBe(1);
    expect(unet.err).toMatch(/^diffpir recognize: .*student-v1: not a Han CNN model \(model\.json format is not "diffpir-han-cnn"\)$/);
    const both = await run(['recognize', wav, '--han', HAN, '--probe', path.join(REPO_ROOT, 'models/probe-default')]);
    expect(both.code).toBe(1);
    expect(both.err).toBe('diffpir recognize: --probe, --han and --combination are mutually exclusive: give one model folder');
  });
});

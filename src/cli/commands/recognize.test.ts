// `diffpir recognize` on several files and folders with the tiny Han CNN (uncalibrated): one
// result per file (text blocks, or JSON lines with "file"), "not sure" for silence and not for
// a clear tone, progress on stderr, an unreadable file skipped and reported with exit status 1.
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { RecognitionResult } from '../../features/recognition-types.ts';
import { TINY_HAN, toneWav, writeTinyHan } from '../../recognition/test-helpers.ts';
import { runCli } from '../testing.ts';

let dir: string;
let han: string;
beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'diffpir-rec-many-'));
  han = path.join(dir, 'han');
  await writeTinyHan(han, TINY_HAN.classes, TINY_HAN.weights, TINY_HAN.biases);
  await mkdir(path.join(dir, 'clips/sub'), { recursive: true });
  await writeFile(path.join(dir, 'clips/a-tone.wav'), toneWav(0.3));
  await writeFile(path.join(dir, 'clips/sub/b-silence.wav'), toneWav(0));
  await writeFile(path.join(dir, 'clips/notes.txt'), 'not audio, not listed');
  await writeFile(path.join(dir, 'broken.wav'), 'RIFF but not really');
  await writeFile(path.join(dir, 'single.wav'), toneWav(0.3));
  return () => rm(dir, { recursive: true, force: true });
});

describe('diffpir recognize, several files', () => {
  it('gives one JSON line per file of a folder and the files named after it; not sure for silence only', async () => {
    const progress: string[] = [];
    const r = await runCli(['recognize', path.join(dir, 'clips'), path.join(dir, 'single.wav'), '--han', han, '--json'], (l) => progress.push(l));
    expect(r.code, r.err).toBe(0);
    const results = r.out.split('\n').map((l) => JSON.parse(l) as RecognitionResult & { file: string });
    expect(results.map((x) => [path.relative(dir, x.file), x.confidence, x.recognized])).toEqual([
      ['clips/a-tone.wav', 'confident', ['pia']], ['clips/sub/b-silence.wav', 'not-sure', []], ['single.wav', 'confident', ['pia']],
    ]);
    const silence = results[1];
    expect(silence.verdict).toBe('No instrument recognized with confidence');
    expect(silence.top3).toHaveLength(3);
    expect(silence.instruments.some((i) => i.predicted)).toBe(true); // the model's rule still names its least-bad class
    expect(silence).toMatchObject({ decision: 'model-rule', calibration: null, threshold: 0.5 });
    // Old fields stay: instruments (code, probability, score, predicted), windows, model, probe, duration.
    expect(Object.keys(results[0].instruments[0]).sort()).toEqual(['code', 'predicted', 'probability', 'score']);
    expect(results[0].windows[0]).toMatchObject({ start: 0, end: 1 });
    expect(progress[0]).toMatch(/^recognize: 0\/3 files \(.*a-tone.wav\)$/);
    expect(progress.at(-1)).toBe('recognize: 3/3 files');
  });

  it('prints a text block per file with the verdict, top 3 and calibration lines', async () => {
    const r = await runCli(['recognize', path.join(dir, 'clips'), '--han', han]);
    expect(r.code, r.err).toBe(0);
    const blocks = r.out.split(/\n\n(?=\/)/);
    expect(blocks).toHaveLength(2);
    const [tone, silence] = blocks.map((b) => b.split('\n'));
    expect(tone[0]).toMatch(/a-tone.wav: 1.50 s, 2 windows; model han-cnn \(log-mel\); probe .*han; threshold 0.50$/);
    expect(tone[1]).toMatch(/^Predicted: piano \(pia, 0\.9\d\)$/);
    expect(tone[2]).toMatch(/^Top 3: pia 0\.9\d, flu 0\.05, voi 0\.03 \(raw probabilities\)$/);
    expect(tone[3]).toMatch(/^Calibration: none \(raw probabilities; a class the model's rule names counts from probability 0\.50/);
    expect(silence[1]).toBe('Not sure: no instrument recognized with confidence');
    expect(silence.join('\n')).toMatch(/\n(flu|pia) .*weak\n/);
  });

  it('skips an unreadable file among several, reports it, and exits 1; a single bad file fails at once', async () => {
    const r = await runCli(['recognize', path.join(dir, 'broken.wav'), path.join(dir, 'single.wav'), '--han', han, '--json']);
    expect(r.code).toBe(1);
    expect(r.out.split('\n')).toHaveLength(1);
    expect(r.err).toMatch(/recognize: skipped .*broken.wav: /);
    expect(r.err.split('\n').at(-1)).toBe('diffpir recognize: 1 of 2 files could not be recognized (listed above); the others were');
    const one = await runCli(['recognize', path.join(dir, 'broken.wav'), '--han', han]);
    expect(one.code).toBe(1);
    expect(one.err.split('\n')).toHaveLength(1);
    expect(one.err).toMatch(/^diffpir recognize: .*broken.wav/);
    const missing = await runCli(['recognize', path.join(dir, 'nope.wav'), '--han', han]);
    expect(missing.err).toMatch(/^diffpir recognize: cannot read .*nope.wav: no such file or folder$/);
    const none = await runCli(['recognize', '--han', han]);
    expect(none.err).toBe('diffpir recognize: missing audio file (give one or more files or folders)');
    await mkdir(path.join(dir, 'empty'), { recursive: true });
    const empty = await runCli(['recognize', path.join(dir, 'empty'), '--han', han]);
    expect(empty.err).toMatch(/empty: no audio files \(.wav .flac .ogg .mp3\) in this folder$/);
  });
});

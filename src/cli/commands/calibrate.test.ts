// `diffpir calibrate` end to end with the tiny Han CNN: fits on a corpus's validation split only
// (its test clips are missing on disk and never reported), writes calibration.json with names,
// not paths; recognize and score then apply it; a stale file (other weights) is refused;
// --uncalibrated ignores it; argument errors are one line.
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { parseCalibration } from '../../calibration/file.ts';
import { makeManifest } from '../../corpus/manifest.ts';
import type { ClipRecord } from '../../corpus/types.ts';
import type { RecognitionResult } from '../../features/recognition-types.ts';
import { TINY_HAN, toneWav, writeTinyHan } from '../../recognition/test-helpers.ts';
import { runCli } from '../testing.ts';

let dir: string;
let han: string;
let corpus: string;

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'diffpir-calibrate-'));
  han = path.join(dir, 'han');
  corpus = path.join(dir, 'val-corpus');
  await writeTinyHan(han, TINY_HAN.classes, TINY_HAN.weights, TINY_HAN.biases);
  await mkdir(corpus, { recursive: true });
  // Validation: tones of several loudnesses are piano; silence and a very quiet tone are nothing.
  const val: [string, number, ClipRecord['labels']][] = [
    ['v-loud', 0.3, ['pia']], ['v-mid', 0.1, ['pia']], ['v-soft', 0.05, ['pia']],
    ['v-sil1', 0, []], ['v-sil2', 0, []], ['v-faint', 0.002, []],
  ];
  const clips: ClipRecord[] = [];
  for (const [id, amp, labels] of val) {
    await writeFile(path.join(corpus, `${id}.wav`), toneWav(amp));
    clips.push({ id, file: `${id}.wav`, split: 'validation', labels, duration: 1.5, sampleRate: 16000 });
  }
  // Test clips whose audio is missing: reading them would be reported as skipped.
  for (const id of ['t1', 't2']) clips.push({ id, file: `${id}.wav`, split: 'test', labels: ['voi'], duration: 1.5, sampleRate: 16000 });
  await writeFile(path.join(corpus, 'manifest.json'), JSON.stringify(makeManifest('rendered', clips, [])));
  await writeFile(path.join(dir, 'tone.wav'), toneWav(0.3));
  await writeFile(path.join(dir, 'silence.wav'), toneWav(0));
  return () => rm(dir, { recursive: true, force: true });
});

describe('diffpir calibrate', () => {
  it('fits on the validation split only and writes calibration.json into the model folder', async () => {
    const r = await runCli(['calibrate', han, '--on', corpus]);
    expect(r.code, r.err).toBe(0);
    expect(r.err).not.toMatch(/skipped/);
    expect(r.err).toContain(`calibrate: wrote ${path.join(han, 'calibration.json')}`);
    expect(r.out).toMatch(/fitted on val-corpus \(validation, 6 clips; content [0-9a-f]{12}\)/);
    expect(r.out).toMatch(/ECE \(10 bins, 18 clip-class pairs, on this set\): before \d\.\d{3}, after \d\.\d{3}/);
    expect(r.out).toMatch(/\npia      3    3 +-?\d+\.\d{3} +-?\d+\.\d{3} +0\.\d\d   1\.000\n/);
    expect(r.out).toMatch(/\nflu      0    6 +1\.000 +0\.000 +0\.50 +n\/a  \(no validation clip has this class/);
    const text = await readFile(path.join(han, 'calibration.json'), 'utf8');
    const cal = parseCalibration(JSON.parse(text));
    expect(cal.fittedOn).toMatchObject({ name: 'val-corpus', split: 'validation', clips: 6, skipped: 0 });
    expect(cal.model.kind).toBe('han');
    // Six clips: Platt's smoothed targets (3 positives: at most 0.8) may raise the in-sample ECE; src/calibration tests the ECE drop on enough data.
    expect(cal.ece.pairs).toBe(18);
    expect(cal.classes.find((c) => c.code === 'pia')!.threshold).toBeGreaterThanOrEqual(0.2);
    expect(text).not.toContain(dir); // names, not paths of this machine
  });

  it('recognize applies it: a tone is piano with a calibrated probability, silence is "not sure"', async () => {
    const tone = await runCli(['recognize', path.join(dir, 'tone.wav'), '--han', han, '--json']);
    expect(tone.code, tone.err).toBe(0);
    const t = JSON.parse(tone.out) as RecognitionResult & { file: string };
    expect(t).toMatchObject({ decision: 'calibrated', confidence: 'confident', recognized: ['pia'], calibration: { fittedOn: 'val-corpus', clips: 6 } });
    expect(typeof t.threshold).toBe('object');
    expect(t.instruments.every((i) => typeof i.calibrated === 'number')).toBe(true);
    expect(t.top3[0].code).toBe('pia');
    const sil = await runCli(['recognize', path.join(dir, 'silence.wav'), '--han', han]);
    expect(sil.code, sil.err).toBe(0);
    const lines = sil.out.split('\n');
    expect(lines[1]).toBe('Not sure: no instrument recognized with confidence');
    expect(lines[2]).toMatch(/^Top 3: \w{3} 0\.\d\d, \w{3} 0\.\d\d, \w{3} 0\.\d\d \(calibrated probabilities\)$/);
    expect(lines[3]).toMatch(/^Calibration: fitted on val-corpus \(6 clips\); ECE there/);
    const score = await runCli(['score', corpus, '--han', han, '--split', 'validation', '--json', '-']);
    expect(score.code, score.err).toBe(0);
    expect(score.err).toContain('is the set the calibration was fitted on; its scores and calibrated ECE are in-sample');
    expect(JSON.parse(score.out)).toMatchObject({ decision: 'calibrated', files: 6 });
  });

  it('refuses a calibration.json fitted for other weights; --uncalibrated ignores it', async () => {
    const stale = path.join(dir, 'han-stale');
    await writeTinyHan(stale, TINY_HAN.classes, [0, 3, 0], TINY_HAN.biases);
    await writeFile(path.join(stale, 'calibration.json'), await readFile(path.join(han, 'calibration.json')));
    const r = await runCli(['recognize', path.join(dir, 'tone.wav'), '--han', stale]);
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/^diffpir recognize: .*han-stale\/calibration.json was fitted for other weights \(han [0-9a-f]{16}, the folder has han [0-9a-f]{16}\); refit it with `npx diffpir calibrate .*han-stale --on <validation set>`, or pass --uncalibrated$/);
    const ok = await runCli(['recognize', path.join(dir, 'tone.wav'), '--han', stale, '--uncalibrated', '--json']);
    expect(ok.code, ok.err).toBe(0);
    expect(JSON.parse(ok.out)).toMatchObject({ decision: 'model-rule', calibration: null });
  });

  it('says clearly what is wrong with the arguments', async () => {
    const cases: [string[], RegExp][] = [
      [['calibrate'], /^diffpir calibrate: missing model folder/],
      [['calibrate', han], /^diffpir calibrate: --on <validation set> is required/],
      [['calibrate', han, '--on', corpus, '--split', 'test'], /^diffpir calibrate: calibration is fitted on validation data only; --split test is refused/],
      [['calibrate', path.join(dir, 'nope'), '--on', corpus], /^diffpir calibrate: .*nope: no such folder$/],
      [['calibrate', corpus, '--on', corpus], /^diffpir calibrate: .*val-corpus: not a probe folder \(no probe.json\), a Han CNN folder \(no model.json\) nor a combination \(no combination.json\)$/],
      [['calibrate', han, '--on', corpus, '--floor', '2'], /^diffpir calibrate: --floor must be in \[0, 1\], got 2$/],
      [['calibrate', han, '--on', corpus, '--model', 'student-v1'], /^diffpir calibrate: --model and --cache apply to probes only/],
      [['calibrate', han, '--on', path.join(dir, 'tone.wav')], /^diffpir calibrate: .*tone.wav: no such folder$/],
    ];
    for (const [argv, msg] of cases) {
      const r = await runCli(argv);
      expect(r.code, argv.join(' ')).toBe(1);
      expect(r.err.split('\n').at(-1)).toMatch(msg);
    }
    expect(existsSync(path.join(corpus, 'calibration.json'))).toBe(false);
  });
});

// `diffpir combine` end to end with two tiny Han CNNs whose outputs are known: the folder it
// writes, recognize/score with --combination giving the mean of the members' raw probabilities,
// calibrate fitting the combination as one model (kind "combination"), a member's changed weights
// making that calibration stale, and one-line errors.
import { mkdtemp, mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { TINY_HAN, toneWav, writeTinyHan } from '../../recognition/test-helpers.ts';
import { runCli } from '../testing.ts';
import { loadAudio16k } from '../../audio/load.ts';
import { combineAnswers, combinationIdentity } from '../../recognition/combination-answer.ts';
import { modelIdentity, openRecognizer, readCombination } from '../../recognition/node.ts';

let dir: string;
const put = async (rel: string, content: string | Uint8Array) => {
  await mkdir(path.dirname(path.join(dir, rel)), { recursive: true });
  await writeFile(path.join(dir, rel), content);
};

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'diffpir-combine-'));
  await writeTinyHan(path.join(dir, 'models/han-a'), TINY_HAN.classes, TINY_HAN.weights, TINY_HAN.biases);
  await writeTinyHan(path.join(dir, 'models/han-b'), TINY_HAN.classes, [1, 0, 1], [-1, -1, -2]);
  await put('set/labels.json', JSON.stringify({ 'tone1.wav': ['pia'], 'tone2.wav': ['pia'], 'quiet.wav': ['flu'], 'silence.wav': [] }));
  await put('set/tone1.wav', toneWav(0.3));
  await put('set/tone2.wav', toneWav(0.2));
  await put('set/quiet.wav', toneWav(0.05));
  await put('set/silence.wav', toneWav(0));
  return () => rm(dir, { recursive: true, force: true });
});

const probabilities = async (args: string[]) => {
  const r = await runCli(['recognize', path.join(dir, 'set/tone1.wav'), '--json', ...args]);
  expect(r.code, r.err).toBe(0);
  return Object.fromEntries((JSON.parse(r.out) as { instruments: { code: string; probability: number }[] }).instruments.map((i) => [i.code, i.probability]));
};

describe('diffpir combine', () => {
  it('writes a combination whose probabilities are the weighted mean of its members', async () => {
    const out = path.join(dir, 'models/combo');
    const r = await runCli(['combine', path.join(dir, 'models/han-a'), path.join(dir, 'models/han-b'), '--weights', '3,1', '--out', out, '--note', 'test']);
    expect(r.code, r.err).toBe(0);
    const spec = JSON.parse(await readFile(path.join(out, 'combination.json'), 'utf8'));
    expect(spec).toMatchObject({ format: 'diffpir-combination', version: 1, members: [{ folder: '../han-a', weight: 3 }, { folder: '../han-b', weight: 1 }], note: 'test' });
    expect(await readFile(path.join(out, 'card.md'), 'utf8')).toMatch(/Han CNN `han-a` \(weights [0-9a-f]{16}\), weight 3/);
    const a = await probabilities(['--han', path.join(dir, 'models/han-a'), '--uncalibrated']);
    const b = await probabilities(['--han', path.join(dir, 'models/han-b'), '--uncalibrated']);
    const c = await probabilities(['--combination', out]);
    for (const code of TINY_HAN.classes) expect(c[code]).toBeCloseTo(0.75 * a[code] + 0.25 * b[code], 5);
  });

  it('is scored and calibrated as one model; a member with new weights makes the calibration stale', async () => {
    const out = path.join(dir, 'models/combo2');
    expect((await runCli(['combine', path.join(dir, 'models/han-a'), path.join(dir, 'models/han-b'), '--out', out])).code).toBe(0);
    const s = await runCli(['score', path.join(dir, 'set'), '--combination', out, '--json', '-']);
    expect(s.code, s.err).toBe(0);
    expect(JSON.parse(s.out)).toMatchObject({ format: 'diffpir-score', files: 4, decision: 'model-rule' });
    const cal = await runCli(['calibrate', out, '--on', path.join(dir, 'set')]);
    expect(cal.code, cal.err).toBe(0);
    expect(JSON.parse(await readFile(path.join(out, 'calibration.json'), 'utf8')).model.kind).toBe('combination');
    const calibrated = await runCli(['score', path.join(dir, 'set'), '--combination', out, '--json', '-']);
    expect(JSON.parse(calibrated.out).decision).toBe('calibrated');
    await writeTinyHan(path.join(dir, 'models/han-b'), TINY_HAN.classes, [1, 0, 2], [-1, -1, -2]);
    const stale = await runCli(['score', path.join(dir, 'set'), '--combination', out]);
    expect(stale.code).toBe(1);
    expect(stale.err).toMatch(/calibration\.json was fitted for other weights \(combination [0-9a-f]{16}, the folder has combination [0-9a-f]{16}\)/);
  });

  it("combines answers the members already gave (the Recognize page's way) exactly as --combination does, calibration included", async () => {
    const out = path.join(dir, 'models/combo3');
    expect((await runCli(['combine', path.join(dir, 'models/han-a'), path.join(dir, 'models/han-b'), '--weights', '2,1', '--out', out])).code).toBe(0);
    expect((await runCli(['calibrate', out, '--on', path.join(dir, 'set')])).code).toBe(0);
    const samples = (await loadAudio16k(new Uint8Array(await readFile(path.join(dir, 'set/tone1.wav'))), 'tone1.wav')).samples;
    const combined = await openRecognizer({ combination: out });
    const want = await combined.recognize(samples);
    combined.dispose();
    const answers = [];
    for (const name of ['han-a', 'han-b']) {
      const folder = path.join(dir, 'models', name);
      const r = await openRecognizer({ han: folder, uncalibrated: true });
      answers.push({ name, result: await r.recognize(samples), identity: modelIdentity(folder, 'han') });
      r.dispose();
    }
    const spec = readCombination(out);
    expect(await combinationIdentity(answers.map((a) => a.identity), [2, 1])).toEqual(modelIdentity(out, 'combination'));
    const got = await combineAnswers(spec, await readFile(path.join(out, 'calibration.json'), 'utf8'), answers, 'models/combo3');
    expect(got.decision).toBe('calibrated');
    expect({ ...got, probe: want.probe }).toEqual(want);
    await expect(combineAnswers(spec, null, answers.slice(0, 1), 'models/combo3')).rejects.toThrow(/models\/combo3: member han-b gave no answer here \(answers from han-a\)/);
    const other = [answers[0], { ...answers[1], identity: { kind: 'han' as const, weights: '0000000000000000' } }];
    await expect(combineAnswers(spec, await readFile(path.join(out, 'calibration.json'), 'utf8'), other, 'models/combo3')).rejects.toThrow(/fitted for other weights/);
  });

  it('refuses one member, a missing folder, mismatched weights and two model flags, in one line each', async () => {
    const a = path.join(dir, 'models/han-a');
    const cases: [string[], RegExp][] = [
      [['combine', a, '--out', path.join(dir, 'x')], /^diffpir combine: give at least two model folders to combine \(got 1\)$/],
      [['combine', a, path.join(dir, 'nope'), '--out', path.join(dir, 'x')], /^diffpir combine: .*nope: no such folder$/],
      [['combine', a, a, '--weights', '1', '--out', path.join(dir, 'x')], /^diffpir combine: --weights needs one positive number per member \(2\), got "1"$/],
      [['recognize', path.join(dir, 'set/tone1.wav'), '--han', a, '--combination', a], /^diffpir recognize: --probe, --han and --combination are mutually exclusive/],
      [['recognize', path.join(dir, 'set/tone1.wav'), '--combination', a], /^diffpir recognize: no combination at .*han-a \(combination\.json missing; made by `npx diffpir combine`\)$/],
    ];
    for (const [args, want] of cases) {
      const r = await runCli(args);
      expect(r.code, args.join(' ')).toBe(1);
      expect(r.err.trim()).toMatch(want);
    }
  });
});

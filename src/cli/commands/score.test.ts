// `diffpir score` end to end with a tiny Han CNN whose outputs are known (a tone is piano,
// silence is nothing): labels.json and IRMAS-style folders give the hand-worked P/R/F1 and
// confusion, an unreadable file is skipped and counted, --json/--csv are written, and argument
// errors are one clear line.
import { mkdtemp, mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { makeManifest } from '../../corpus/manifest.ts';
import { TINY_HAN, toneWav, writeTinyHan } from '../../recognition/test-helpers.ts';
import { runCli } from '../testing.ts';

let dir: string;
let han: string;
const put = async (rel: string, content: string | Uint8Array) => {
  await mkdir(path.dirname(path.join(dir, rel)), { recursive: true });
  await writeFile(path.join(dir, rel), content);
};

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'diffpir-score-'));
  han = path.join(dir, 'han');
  await writeTinyHan(han, TINY_HAN.classes, TINY_HAN.weights, TINY_HAN.biases);
  // labels.json folder: tone1 [pia] -> pia (TP); tone2 [pia, voi] -> pia (TP, voi FN); quiet [flu] -> pia (FP, flu FN);
  // silence [] -> not sure; broken [voi] -> skipped.
  await put('lj/labels.json', JSON.stringify({ 'tone1.wav': ['pia'], 'tone2.wav': ['pia', 'voi'], 'quiet.wav': ['flu'], 'silence.wav': [], 'broken.wav': ['voi'] }));
  await put('lj/tone1.wav', toneWav(0.3));
  await put('lj/tone2.wav', toneWav(0.2));
  await put('lj/quiet.wav', toneWav(0.05));
  await put('lj/silence.wav', toneWav(0));
  await put('lj/broken.wav', 'not audio at all');
  // IRMAS style: a training-style name and a test-style .txt.
  await put('irmas/pia/[pia][jaz_blu]0001__1.wav', toneWav(0.3));
  await put('irmas/test/quiet-song.wav', toneWav(0));
  await put('irmas/test/quiet-song.txt', 'voi\n');
  return () => rm(dir, { recursive: true, force: true });
});

describe('diffpir score', () => {
  it('scores a labels.json folder: known P/R/F1, confusion, not-sure count; skips the unreadable file', async () => {
    const progress: string[] = [];
    const r = await runCli(['score', path.join(dir, 'lj'), '--han', han, '--json', path.join(dir, 'out.json'), '--csv', path.join(dir, 'out.csv')], (l) => progress.push(l));
    expect(r.code, r.err).toBe(0);
    expect(r.err).toMatch(/score: skipped broken.wav: /);
    expect(r.err).toContain('score: 1 of 5 files skipped (unreadable); scores are over the other 4');
    expect(progress.some((l) => l.startsWith('score: 0/5 files'))).toBe(true);
    expect(r.out).toContain('4 files scored, 1 skipped (unreadable)');
    expect(r.out).toContain('micro F1 0.571 (P 0.667, R 0.500); macro F1 0.267 (over 3 classes)');
    expect(r.out).toContain('not sure (no instrument recognized with confidence): 1 of 4 files');
    expect(r.out).toMatch(/\npia        2      0.667   1.000  0.800\n/);
    expect(r.out).toContain("decisions: the model's own rule and raw probability >= 0.50 (no calibration)");
    expect(r.out).toContain('true   files   flu  pia  voi  none\nflu        1     0    1    0     0\npia        2     0    2    0     0\nvoi        1     0    1    0     0');
    const json = JSON.parse(await readFile(path.join(dir, 'out.json'), 'utf8'));
    expect(json).toMatchObject({ format: 'diffpir-score', files: 4, notSure: 1, decision: 'model-rule', folder: { name: 'lj', layout: 'labels.json', split: null } });
    expect(json.skipped).toHaveLength(1);
    expect(json.micro.f1).toBeCloseTo(4 / 7, 12);
    expect(json.macro.f1).toBeCloseTo(0.8 / 3, 12);
    expect(json.confusion.counts).toEqual([[0, 1, 0], [0, 2, 0], [0, 1, 0]]);
    expect(json.confusion.none).toEqual([0, 0, 0]);
    expect(json.results.map((f: { name: string; recognized: string[] }) => [f.name, f.recognized])).toEqual([['tone1.wav', ['pia']], ['tone2.wav', ['pia']], ['quiet.wav', ['pia']], ['silence.wav', []]]);
    const csv = (await readFile(path.join(dir, 'out.csv'), 'utf8')).trim().split('\n');
    expect(csv[0]).toBe('class,files,tp,fp,fn,precision,recall,f1,predicted_flu,predicted_pia,predicted_voi,predicted_none');
    expect(csv[2]).toBe('pia,2,2,1,0,0.666667,1,0.8,0,2,0,0');
    expect(csv[4]).toBe('micro,4,,,,0.666667,0.5,0.571429,,,,');
  });

  it('reads IRMAS-style labels (.txt beside the file, [tag] in the name)', async () => {
    const r = await runCli(['score', path.join(dir, 'irmas'), '--han', han, '--json', '-']);
    expect(r.code, r.err).toBe(0);
    const json = JSON.parse(r.out);
    expect(json.folder.layout).toBe('irmas');
    expect(json.results.map((f: { name: string; labels: string[]; confidence: string }) => [f.name, f.labels, f.confidence])).toEqual([
      ['pia/[pia][jaz_blu]0001__1.wav', ['pia'], 'confident'], ['test/quiet-song.wav', ['voi'], 'not-sure'],
    ]);
    expect(json.perClass.map((c: { code: string; tp: number; fn: number }) => [c.code, c.tp, c.fn])).toEqual([['flu', 0, 0], ['pia', 1, 0], ['voi', 0, 1]]);
    expect(json.confusion.none).toEqual([0, 0, 1]);
  });

  it('--by source: a corpus folder scored per source of its clips\' labelled parts', async () => {
    const part = (source: string) => ({ class: 'pia' as const, role: 'lead' as const, program: 0, gainDb: 0, labelled: true, source });
    const clips = [
      { id: 't1', file: 't1.wav', split: 'test' as const, labels: ['pia' as const], duration: 1, sampleRate: 16000, parts: [part('lib-a')] }, // pia: TP
      { id: 't2', file: 't2.wav', split: 'test' as const, labels: ['pia' as const], duration: 1, sampleRate: 16000, parts: [part('lib-b')] }, // silence: FN
      { id: 't3', file: 't3.wav', split: 'test' as const, labels: ['pia' as const], duration: 1, sampleRate: 16000, parts: [part('lib-a')] }, // pia: TP
    ];
    await put('corpus/manifest.json', JSON.stringify(makeManifest('rendered', clips, [])));
    await put('corpus/t1.wav', toneWav(0.3));
    await put('corpus/t2.wav', toneWav(0));
    await put('corpus/t3.wav', toneWav(0.2));
    const r = await runCli(['score', path.join(dir, 'corpus'), '--han', han, '--by', 'source']);
    expect(r.code, r.err).toBe(0);
    expect(r.out).toContain('micro F1 0.800');
    expect(r.out).toMatch(/By source .*\nsource  files  micro F1  macro F1  class F1 \(files\)\nlib-a       2     1.000     1.000  pia 1.000 \(2\)\nlib-b       1     0.000     0.000  pia 0.000 \(1\)/);
    const j = await runCli(['score', path.join(dir, 'corpus'), '--han', han, '--by', 'source', '--json', '-']);
    const json = JSON.parse(j.out);
    expect(json.bySource.map((s: { source: string; files: number; report: { micro: { f1: number } } }) => [s.source, s.files, s.report.micro.f1])).toEqual([['lib-a', 2, 1], ['lib-b', 1, 0]]);
    expect(json.results[0].sources).toEqual(['lib-a']);
    const notCorpus = await runCli(['score', path.join(dir, 'lj'), '--han', han, '--by', 'source']);
    expect(notCorpus.err.split('\n').at(-1)).toMatch(/^diffpir score: --by source needs a corpus folder \(manifest.json\); .*lj is a labels.json folder$/);
    expect((await runCli(['score', path.join(dir, 'corpus'), '--han', han, '--by', 'class'])).err).toMatch(/--by takes "source", got "class"/);
  });

  it('says clearly what is wrong with the arguments', async () => {
    const cases: [string[], RegExp][] = [
      [['score'], /^diffpir score: missing folder of labelled audio/],
      [['score', path.join(dir, 'nope'), '--han', han], /^diffpir score: .*nope: no such folder$/],
      [['score', path.join(dir, 'lj'), '--han', han, '--split', 'test'], /^diffpir score: --split applies to corpus folders \(with manifest.json\)/],
      [['score', path.join(dir, 'lj'), '--han', han, '--split', 'dev'], /^diffpir score: --split must be one of train, validation, test, got "dev"$/],
      [['score', path.join(dir, 'lj'), '--han', han, '--json'], /^diffpir score: --json needs a value$/],
      [['score', path.join(dir, 'lj'), '--han', han, '--probe', han], /^diffpir score: --probe, --han and --combination are mutually exclusive/],
      [['score', path.join(dir, 'lj'), '--han', path.join(dir, 'lj')], /^diffpir score: no Han CNN at .*lj \(model.json missing/],
      [['score', path.join(dir, 'lj'), path.join(dir, 'irmas'), '--han', han], /^diffpir score: one folder at a time/],
    ];
    for (const [argv, msg] of cases) {
      const r = await runCli(argv);
      expect(r.code, argv.join(' ')).toBe(1);
      expect(r.err.split('\n').at(-1)).toMatch(msg);
    }
    await put('badlabels/labels.json', JSON.stringify({ 'a.wav': ['pia', 'sax'] }));
    await put('badlabels/a.wav', toneWav(0.3));
    const bad = await runCli(['score', path.join(dir, 'badlabels'), '--han', han]);
    expect(bad.err).toBe('diffpir score: 1 label is not a class of the model (flu pia voi): a.wav: "sax"');
  });
});

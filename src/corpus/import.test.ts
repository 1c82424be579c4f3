// Importers on miniature datasets made here: an IRMAS folder (tagged training files, test
// audio with .txt labels, unusable files listed as skipped with why) and OpenPIR metadata with
// local audio; clear errors for bad paths.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { encodeWav } from '../audio/wav-encode.ts';
import { importIrmas, importOpenPir } from './import-node.ts';
import { loadManifest, readClipSamples, saveManifest } from './manifest-node.ts';
import { parseOpenPir } from './import-openpir.ts';

const root = mkdtempSync(path.join(tmpdir(), 'corpus-import-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

function wav(file: string, seconds = 0.25, rate = 44100): void {
  mkdirSync(path.dirname(file), { recursive: true });
  const n = Math.round(seconds * rate);
  const tone = new Float32Array(n).map((_, i) => 0.3 * Math.sin((2 * Math.PI * 440 * i) / rate));
  writeFileSync(file, encodeWav([tone, tone], rate));
}

describe('importIrmas', () => {
  const irmas = path.join(root, 'IRMAS');
  wav(path.join(irmas, 'IRMAS-TrainingData/cel/[cel][cla]0001__1.wav'), 0.5);
  wav(path.join(irmas, 'IRMAS-TrainingData/cla/[cla][cla]0189__1.wav'));
  wav(path.join(irmas, 'IRMAS-TrainingData/vio/001__[vio][nod][cla]0058__2.wav'));
  wav(path.join(irmas, 'IRMAS-TrainingData/xyz/[xyz][pop_roc]0003__1.wav'));
  wav(path.join(irmas, 'IRMAS-TrainingData/cel/untagged.wav'));
  wav(path.join(irmas, 'IRMAS-TrainingData/cel/[pia][jaz_blu]0004__1.wav'));
  wav(path.join(irmas, 'IRMAS-TestingData-Part1/Part1/song one-1.wav'), 0.75);
  writeFileSync(path.join(irmas, 'IRMAS-TestingData-Part1/Part1/song one-1.txt'), 'cel\t\nvio\t\n');
  wav(path.join(irmas, 'IRMAS-TestingData-Part1/Part1/song-2.wav'));
  writeFileSync(path.join(irmas, 'IRMAS-TestingData-Part1/Part1/song-2.txt'), 'banjo\n');
  writeFileSync(path.join(irmas, 'IRMAS-TestingData-Part1/Part1/orphan.txt'), 'pia\n');

  it('reads training tags, test label files, and lists what it skipped with why', () => {
    const m = importIrmas(irmas, { validationFraction: 0 });
    expect(m.source).toBe('irmas');
    expect(m.audioRoot).toBe(irmas);
    const byFile = new Map(m.clips.map((c) => [c.file, c]));
    expect(byFile.get('IRMAS-TrainingData/cel/[cel][cla]0001__1.wav')).toMatchObject({ split: 'train', labels: ['cel'], sampleRate: 44100, meta: { genre: 'classical' } });
    expect(byFile.get('IRMAS-TrainingData/cel/[cel][cla]0001__1.wav')!.duration).toBeCloseTo(0.5, 3);
    expect(byFile.get('IRMAS-TrainingData/cla/[cla][cla]0189__1.wav')!.labels).toEqual(['cla']);
    expect(byFile.get('IRMAS-TrainingData/vio/001__[vio][nod][cla]0058__2.wav')).toMatchObject({ labels: ['vio'], meta: { drums: 'no', genre: 'classical' } });
    expect(byFile.get('IRMAS-TestingData-Part1/Part1/song one-1.wav')).toMatchObject({ split: 'test', labels: ['cel', 'vio'] });
    expect(m.clips).toHaveLength(4);
    const why = Object.fromEntries(m.skipped.map((s) => [s.item, s.why]));
    expect(why['IRMAS-TrainingData/xyz/[xyz][pop_roc]0003__1.wav']).toMatch(/unknown instrument tag \[xyz\]/);
    expect(why['IRMAS-TrainingData/cel/untagged.wav']).toMatch(/no \[instrument\] tag/);
    expect(why['IRMAS-TrainingData/cel/[pia][jaz_blu]0004__1.wav']).toMatch(/disagrees with folder cel/);
    expect(why['IRMAS-TestingData-Part1/Part1/song-2.wav']).toMatch(/unknown label banjo/);
    expect(why['IRMAS-TestingData-Part1/Part1/orphan.txt']).toMatch(/without an audio file/);
  });

  it('holds out whole songs as validation, writes the manifest and reads clips back at 16 kHz', async () => {
    const all = importIrmas(irmas, { validationFraction: 0.999 });
    expect(all.clips.filter((c) => c.split !== 'test').every((c) => c.split === 'validation')).toBe(true);
    const out = path.join(root, 'irmas-manifest');
    saveManifest(out, importIrmas(irmas));
    const m = loadManifest(out);
    const clip = m.clips.find((c) => c.split === 'test')!;
    const x = await readClipSamples(out, m, clip);
    expect(x.length).toBe(12000);
  });

  it('names a missing folder', () => {
    expect(() => importIrmas(path.join(root, 'nope'))).toThrow(/IRMAS folder not found: .*nope/);
    const empty = path.join(root, 'empty');
    mkdirSync(empty);
    expect(() => importIrmas(empty)).toThrow(/no IRMAS clips found/);
  });
});

describe('importOpenPir', () => {
  const audio = path.join(root, 'openmic');
  mkdirSync(path.join(audio, 'audio/000'), { recursive: true });
  writeFileSync(path.join(audio, 'audio/000/000046_3840.ogg'), 'not decoded by the importer');
  wav(path.join(audio, 'extra/clip.wav'), 0.5, 22050);
  const meta = path.join(root, 'openpir.json');
  writeFileSync(meta, JSON.stringify([
    { sample_key: '000046_3840', predominant: ['cello', 'Violin'], split: 'test', genre: 'Classical' },
    { sample_key: '001234_1000', labels: 'pia, voi', audio: 'extra/clip.wav' },
    { sample_key: '000099_0', predominant: ['banjo'] },
    { sample_key: '000100_0', predominant: ['sax'] },
    { predominant: ['sax'] },
  ]));

  it('maps names and codes to IRMAS classes, finds the OpenMIC layout, lists what it skipped', () => {
    const m = importOpenPir(meta, audio);
    expect(m.source).toBe('openpir');
    expect(m.clips).toEqual([
      expect.objectContaining({ id: '000046_3840', file: 'audio/000/000046_3840.ogg', split: 'test', labels: ['cel', 'vio'], duration: 10, meta: { genre: 'Classical' } }),
      expect.objectContaining({ id: '001234_1000', file: 'extra/clip.wav', split: 'train', labels: ['pia', 'voi'], sampleRate: 22050 }),
    ]);
    const why = Object.fromEntries(m.skipped.map((s) => [s.item, s.why]));
    expect(why['000099_0']).toMatch(/"banjo" not an IRMAS class/);
    expect(why['000100_0']).toMatch(/audio not found under the audio root \(tried audio\/000\/000100_0\.ogg/);
    expect(why['record 4']).toMatch(/no sample key/);
  });

  it('accepts an object keyed by sample key, and {label: score} labels', () => {
    const r = parseOpenPir({ '000046_3840': { predominant: { cel: 0.9, vio: 0.2 } } }, { exists: () => true });
    expect(r.clips[0]).toMatchObject({ id: '000046_3840', labels: ['cel'] });
    expect(() => parseOpenPir('x', { exists: () => true })).toThrow(/expected a JSON array or object/);
  });

  it('names missing paths and bad JSON', () => {
    expect(() => importOpenPir(path.join(root, 'none.json'), audio)).toThrow(/OpenPIR metadata not found/);
    expect(() => importOpenPir(meta, path.join(root, 'no-audio'))).toThrow(/audio root not found/);
    writeFileSync(path.join(root, 'bad.json'), '{');
    expect(() => importOpenPir(path.join(root, 'bad.json'), audio)).toThrow(/bad\.json: not valid JSON/);
    expect(() => loadManifest(path.join(root, 'missing-dir'))).toThrow(/corpus manifest not found/);
  });
});

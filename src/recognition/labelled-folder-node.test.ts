// Labelled folders: labels.json, IRMAS style (.txt beside the file, [tag] in the name), a corpus
// split; clear one-line errors naming the file for bad or missing labels; unreadable audio is
// an error of that item only (the pipelines skip it); content ids.
import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { encodeWav } from '../audio/wav-encode.ts';
import { sine } from '../audio/test-helpers.ts';
import { makeManifest } from '../corpus/manifest.ts';
import { listAudioFiles, openLabelledFolder } from './labelled-folder-node.ts';
import { readItem } from './items.ts';
import { labelFromBracketName, parseLabelText, parseLabelsJson } from './labels-parse.ts';

let root: string;
const wav = (seconds = 0.5) => encodeWav(sine(440, 16000, seconds, 0.3), 16000);
async function folder(name: string, files: Record<string, string | Uint8Array>): Promise<string> {
  const dir = path.join(root, name);
  for (const [rel, content] of Object.entries(files)) {
    await mkdir(path.dirname(path.join(dir, rel)), { recursive: true });
    await writeFile(path.join(dir, rel), content);
  }
  return dir;
}

beforeAll(async () => {
  root = await mkdtemp(path.join(tmpdir(), 'diffpir-folders-'));
});
afterAll(() => rm(root, { recursive: true, force: true }));

describe('label parsing', () => {
  it('reads labels.json, .txt files and IRMAS training names', () => {
    expect([...parseLabelsJson('{"a.wav": ["pia", " VOI"], "sub\\\\b.wav": []}')]).toEqual([['a.wav', ['pia', 'voi']], ['sub/b.wav', []]]);
    expect(parseLabelText('cel\t\r\nvio \n\n', 'x.txt')).toEqual(['cel', 'vio']);
    expect(labelFromBracketName('pia/[pia][jaz_blu]1234__1.wav')).toEqual(['pia']);
    expect(labelFromBracketName('001__[vio][nod][cla]2005__2.wav')).toEqual(['vio']); // the later [cla] is the genre
    expect(labelFromBracketName('plain.wav')).toBeUndefined();
  });

  it('names the file and the problem', () => {
    expect(() => parseLabelsJson('[1]', 'd/labels.json')).toThrow(/^d\/labels.json: expected an object mapping file names/);
    expect(() => parseLabelsJson('{"a.wav": "pia"}')).toThrow('labels.json: the labels of a.wav must be a list of class codes (e.g. ["pia"]), got "pia"');
    expect(() => parseLabelsJson('{')).toThrow(/labels.json: not valid JSON/);
    expect(() => parseLabelsJson('{}')).toThrow(/lists no files/);
    expect(() => parseLabelText(' \n', 'a.txt')).toThrow('a.txt: label file is empty (one class code per line expected)');
    expect(() => labelFromBracketName('x/[live]song.wav')).toThrow(/^x\/\[live\]song.wav: unknown instrument tag \[live\] in the file name/);
  });
});

describe('openLabelledFolder', () => {
  it('labels.json: listed files in order, unlisted audio left out with a warning, a missing file unreadable', async () => {
    const dir = await folder('lj', { 'labels.json': '{"b.wav": ["pia"], "a.wav": [], "gone.wav": ["voi"]}', 'a.wav': wav(), 'b.wav': wav(), 'extra.wav': wav() });
    const f = openLabelledFolder(dir);
    expect(f).toMatchObject({ name: 'lj', layout: 'labels.json', split: null });
    expect(f.items.map((i) => [i.name, i.labels])).toEqual([['b.wav', ['pia']], ['a.wav', []], ['gone.wav', ['voi']]]);
    expect(f.warnings).toEqual(['1 audio file is not in labels.json and left out: extra.wav']);
    expect((await readItem(f.items[0])).length).toBe(8000);
    await expect(readItem(f.items[2])).rejects.toThrow('gone.wav: cannot read (no such file)');
    expect(await f.contentId()).toMatch(/^[0-9a-f]{12}$/);
  });

  it('IRMAS style: .txt beside the file wins over the name; subfolders; undecodable audio fails on read only', async () => {
    const dir = await folder('irmas', {
      'test/song-1.wav': wav(), 'test/song-1.txt': 'gel\nvoi\n',
      'pia/[pia][jaz_blu]1234__1.wav': wav(), 'pia/[pia][cla]0001__2.flac': new Uint8Array([1, 2, 3, 4]),
      '.hidden/x.wav': wav(), 'notes.md': 'x',
    });
    const f = openLabelledFolder(dir);
    expect(f.layout).toBe('irmas');
    expect(f.items.map((i) => [i.name, i.labels])).toEqual([
      ['pia/[pia][cla]0001__2.flac', ['pia']], ['pia/[pia][jaz_blu]1234__1.wav', ['pia']], ['test/song-1.wav', ['gel', 'voi']],
    ]);
    await expect(readItem(f.items[0])).rejects.toThrow(/pia\/\[pia\]\[cla\]0001__2.flac/);
    expect(listAudioFiles(dir)).toHaveLength(3);
  });

  it('IRMAS style: unlabelled files, empty .txt and unknown tags are errors naming them', async () => {
    const un = await folder('unlabelled', { 'a.wav': wav(), 'b.wav': wav(), 'c.wav': wav(), 'c.txt': 'pia' });
    expect(() => openLabelledFolder(un)).toThrow(/^2 audio files have no labels \(no .txt beside them, no \[code\] in the name, no labels.json in .*unlabelled\): a.wav, b.wav$/);
    const empty = await folder('empty-txt', { 'a.wav': wav(), 'a.txt': '\n' });
    expect(() => openLabelledFolder(empty)).toThrow('a.txt: label file is empty');
    const none = await folder('no-audio', { 'readme.txt': 'hi' });
    expect(() => openLabelledFolder(none)).toThrow(/no-audio: no audio files/);
    expect(() => openLabelledFolder(path.join(root, 'nope'))).toThrow(/nope: no such folder/);
    expect(() => openLabelledFolder(un, { split: 'test' })).toThrow(/^--split applies to corpus folders \(with manifest.json\)/);
  });

  it('corpus: the requested split only; one split needs no --split; several do', async () => {
    const clips = [
      { id: 'v1', file: 'v1.wav', split: 'validation' as const, labels: ['pia' as const], duration: 0.5, sampleRate: 16000 },
      { id: 't1', file: 't1.wav', split: 'test' as const, labels: ['voi' as const], duration: 0.5, sampleRate: 16000 },
    ];
    const two = await folder('corpus2', { 'manifest.json': JSON.stringify(makeManifest('rendered', clips, [])), 'v1.wav': wav() });
    expect(() => openLabelledFolder(two)).toThrow(/^corpus .*corpus2 has validation, test clips; say which split to read with --split validation\|test$/);
    const v = openLabelledFolder(two, { split: 'validation' });
    expect(v).toMatchObject({ layout: 'corpus', split: 'validation', name: 'corpus2' });
    expect(v.items.map((i) => [i.name, i.labels])).toEqual([['v1.wav', ['pia']]]);
    const t = openLabelledFolder(two, { split: 'test' });
    await expect(readItem(t.items[0])).rejects.toThrow(/clip t1: audio file not found/);
    expect(() => openLabelledFolder(two, { split: 'train' })).toThrow(/no train clips \(it has validation, test\)/);
    const one = await folder('corpus1', { 'manifest.json': JSON.stringify(makeManifest('rendered', clips.slice(0, 1), [])), 'v1.wav': wav() });
    expect(openLabelledFolder(one).split).toBe('validation');
    expect(await v.contentId()).toBe(await openLabelledFolder(one).contentId());
  });
});

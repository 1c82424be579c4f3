// The browser's labelled folder (files chosen or dropped): the same layouts, order, warnings and
// one-line errors as openLabelledFolder.
import { describe, expect, it } from 'vitest';
import { labelledFiles, type FolderFile } from './labelled-files.ts';

const folder = (files: Record<string, string>): FolderFile[] => Object.entries(files).map(([path, text]) => ({ path, file: new Blob([text]) }));

describe('labelledFiles', () => {
  it('labels.json: listed files in its order, unlisted audio left out with a warning, a missing one skipped', async () => {
    const f = await labelledFiles(folder({ 'labels.json': '{"b.wav": ["pia"], "a.wav": [], "gone.wav": ["voi"]}', 'a.wav': 'A', 'b.wav': 'B', 'extra.wav': 'x', '.hidden/c.wav': 'c' }), 'lj');
    expect(f.layout).toBe('labels.json');
    expect(f.items.map((i) => [i.name, i.labels])).toEqual([['b.wav', ['pia']], ['a.wav', []]]);
    expect(await f.items[0].file.text()).toBe('B');
    expect(f.missing).toEqual([{ name: 'gone.wav', why: 'gone.wav: cannot read (not in the chosen folder)' }]);
    expect(f.warnings).toEqual(['1 audio file is not in labels.json and left out: extra.wav']);
  });

  it('IRMAS style: a .txt beside the file, else the first [tag] of its name; sorted', async () => {
    const f = await labelledFiles(folder({ 'z/song-1.wav': 'a', 'z/song-1.txt': 'cel\r\nvio\n', 'pia/[pia][jaz_blu]12__1.wav': 'b', 'notes.md': 'hi' }), 'irmas');
    expect(f.layout).toBe('irmas');
    expect(f.items.map((i) => [i.name, i.labels])).toEqual([['pia/[pia][jaz_blu]12__1.wav', ['pia']], ['z/song-1.wav', ['cel', 'vio']]]);
  });

  it('names what is wrong', async () => {
    await expect(labelledFiles(folder({ 'a.wav': 'a', 'b.wav': 'b' }), 'd')).rejects.toThrow(
      '2 audio files have no labels (no .txt beside them, no [code] in the name, no labels.json in d): a.wav, b.wav',
    );
    await expect(labelledFiles(folder({ 'manifest.json': '{}' }), 'c')).rejects.toThrow(/^c is a corpus folder \(manifest.json\)/);
    await expect(labelledFiles(folder({ 'readme.txt': 'x' }), 'e')).rejects.toThrow('e: no audio files (.wav .flac .ogg .mp3) and no labels.json');
    await expect(labelledFiles(folder({ 'labels.json': '{"a.wav": "pia"}' }), 'f')).rejects.toThrow(/^f\/labels.json: the labels of a.wav must be a list/);
  });
});

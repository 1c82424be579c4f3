// Outside sets from a labelled folder (manifest.json): one set per split, named "<folder>/<split>",
// with a content id and clips read on demand; a label outside the corpus's classes or a missing
// folder is refused, naming it.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { saveManifest } from '../corpus/manifest-node.ts';
import type { CorpusManifest } from '../corpus/types.ts';
import { toneWav } from '../recognition/test-helpers.ts';
import { openOutsideSets } from './outside-node.ts';

let root: string;
const classes = ['flu', 'pia', 'vio'];

async function folder(name: string, labels: [string, string, string[]][]): Promise<string> {
  const dir = path.join(root, name);
  const clips = labels.map(([id, split, l]) => ({ id, file: `${id}.wav`, split, labels: l, duration: 1.5, sampleRate: 16000 }));
  saveManifest(dir, { format: 'diffpir-corpus', version: 3, source: 'real', classes, clips, skipped: [] } as unknown as CorpusManifest);
  for (const c of clips) await writeFile(path.join(dir, c.file), toneWav(0.2));
  return dir;
}

beforeAll(async () => {
  root = await mkdtemp(path.join(tmpdir(), 'diffpir-outside-'));
});
afterAll(() => rm(root, { recursive: true, force: true }));

describe('openOutsideSets', () => {
  it('gives one set per split, with ids and readable clips', async () => {
    const dir = await folder('real-set', [['a', 'validation', ['flu']], ['b', 'test', ['pia', 'vio']], ['c', 'test', ['vio']]]);
    const sets = await openOutsideSets([dir], classes);
    expect(sets.map((s) => [s.name, s.clips.map((c) => c.id)])).toEqual([['real-set/validation', ['a']], ['real-set/test', ['b', 'c']]]);
    expect(sets[0].id).toMatch(/^[0-9a-f]{12}$/);
    expect(sets[0].id).not.toBe(sets[1].id);
    expect((await sets[1].clips[0].read()).length).toBe(24000);
  });

  it('refuses a label outside the classes and a folder without a manifest', async () => {
    const bad = await folder('odd-set', [['x', 'test', ['sax']]]);
    await expect(openOutsideSets([bad], classes)).rejects.toThrow(/--also-score .*odd-set: clip x is labelled "sax", not one of the corpus's classes \(flu, pia, vio\)/);
    await expect(openOutsideSets([path.join(root, 'nope')], classes)).rejects.toThrow(/--also-score .*nope: corpus manifest not found/);
  });
});

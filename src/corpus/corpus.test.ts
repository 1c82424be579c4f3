// Rendering a corpus to a folder: wav files and manifest.json, resuming (kept clips are not
// rendered again; a damaged file is), the same bytes on every run, and reading clips back.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { CancelledError } from '../common/errors.ts';
import { checksumBytes } from './checksum.ts';
import { renderCorpus } from './corpus-node.ts';
import { loadManifest, readClipSamples } from './manifest-node.ts';
import { clipsOf, countManifest } from './manifest.ts';

const dir = mkdtempSync(path.join(tmpdir(), 'corpus-test-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const ids = new Set(['train-gac-0001', 'validation-org-0001', 'test-0003']);
const only = (id: string) => ids.has(id);

describe('renderCorpus', () => {
  it('writes wav files and a manifest describing every clip and part', async () => {
    const progress: number[] = [];
    const r = await renderCorpus('tiny', { out: dir, seed: 3, only, onProgress: (p) => progress.push(p.done) });
    expect(r.rendered).toBe(3);
    expect(progress).toEqual([1, 2, 3]);
    const m = loadManifest(dir);
    expect(m).toMatchObject({ format: 'diffpir-corpus', source: 'rendered', preset: 'tiny', seed: 3, version: 3 });
    expect(m.clips.map((c) => c.id)).toEqual(['train-gac-0001', 'validation-org-0001', 'test-0003']);
    expect(clipsOf(m, 'validation')).toHaveLength(1);
    expect(countManifest(m).clips).toEqual({ train: 1, validation: 1, test: 1 });
    for (const c of m.clips) {
      const bytes = readFileSync(path.join(dir, c.file));
      expect(checksumBytes(bytes)).toBe(c.checksum);
      expect(c.sampleRate).toBe(16000);
      expect(c.bank).toBe(c.split === 'test' ? 'TimGM6mb' : c.bank);
      expect(c.parts!.length).toBeGreaterThan(c.labels.length);
      for (const p of c.parts!) {
        expect(typeof p.program).toBe('number');
        expect(typeof p.gainDb).toBe('number');
        expect(p.preset).toBeTruthy();
        expect(p.labelled).toBe(c.labels.includes(p.class as never) && (p.role === 'lead' || p.role === 'colead'));
      }
      const samples = await readClipSamples(dir, m, c);
      expect(samples.length).toBe(Math.round(c.duration * 16000));
    }
  });

  it('resumes: keeps intact clips, re-renders a damaged one to the same bytes', async () => {
    const before = loadManifest(dir);
    const again = await renderCorpus('tiny', { out: dir, seed: 3, only });
    expect(again).toMatchObject({ rendered: 0, reused: 3 });
    const victim = before.clips[1];
    writeFileSync(path.join(dir, victim.file), 'truncated');
    const repaired = await renderCorpus('tiny', { out: dir, seed: 3, only });
    expect(repaired).toMatchObject({ rendered: 1, reused: 2 });
    expect(checksumBytes(readFileSync(path.join(dir, victim.file)))).toBe(victim.checksum);
  });

  it('renders again for another seed, and stops with CancelledError when aborted', async () => {
    const other = await renderCorpus('tiny', { out: dir, seed: 4, only: (id) => id === 'train-gac-0001' });
    expect(other.rendered).toBe(1);
    const ctl = new AbortController();
    ctl.abort();
    await expect(renderCorpus('tiny', { out: dir, seed: 4, only, signal: ctl.signal })).rejects.toBeInstanceOf(CancelledError);
    expect(loadManifest(dir).seed).toBe(4);
  });

  it('names a bad bank folder and an unknown preset', async () => {
    await expect(renderCorpus('tiny', { out: path.join(dir, 'x'), only, bankDir: '/no/such/dir' })).rejects.toThrow(/not found at \/no\/such\/dir/);
    await expect(renderCorpus('medium', { out: dir })).rejects.toThrow(/unknown corpus preset "medium"/);
  });
});

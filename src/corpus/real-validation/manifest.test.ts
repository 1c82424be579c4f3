// The real-validation spec (manifest.json only, no audio): every class at least 4 clips, every clip
// in a part, no recording in both parts, every class with 2+ solo recordings has 2+ of them in the
// report part; and the part rules themselves on small made-up clip lists.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { IRMAS_CLASSES } from '../classes.ts';
import { clipRecordings, partCounts, partProblems, recordingOf, type PartClip } from './parts.ts';

interface SpecClip extends PartClip { start: number; end: number; mixWith?: (PartClip['source'] & { start: number; end: number; licence: string })[]; source: PartClip['source'] & { licence: string; commit: string } }
const here = path.dirname(fileURLToPath(import.meta.url));
const spec = JSON.parse(readFileSync(path.join(here, 'manifest.json'), 'utf8')) as { format: string; classes: string[]; clips: SpecClip[] };

describe('real-validation manifest.json', () => {
  it('lists the 11 IRMAS classes and only known labels', () => {
    expect(spec.format).toBe('diffpir-real-validation');
    expect([...spec.classes].sort()).toEqual([...IRMAS_CLASSES].sort());
    for (const c of spec.clips) for (const l of c.labels) expect(spec.classes, c.id).toContain(l);
  });

  it('has unique ids, a licence and a commit for every source, excerpts of 2.9-10 s', () => {
    expect(new Set(spec.clips.map((c) => c.id)).size).toBe(spec.clips.length);
    for (const c of spec.clips) {
      for (const p of [{ ...c.source, start: c.start, end: c.end }, ...(c.mixWith ?? [])]) {
        expect(p.licence, c.id).toBeTruthy();
        expect(p.end - p.start, c.id).toBeGreaterThanOrEqual(2.9);
        expect(p.end - p.start, c.id).toBeLessThanOrEqual(10);
      }
      expect(c.source.commit, c.id).toMatch(/^[0-9a-f]{40}$/);
    }
  });

  it('has every class at least 4 times', () => {
    for (const k of spec.classes) expect(spec.clips.filter((c) => c.labels.includes(k)).length, k).toBeGreaterThanOrEqual(4);
  });

  it('puts every clip in a part and no recording in both parts', () => {
    expect(partProblems(spec.clips)).toEqual([]);
  });

  it('gives the report part 2+ recordings of every class that has 2+ solo recordings', () => {
    const counts = partCounts(spec.clips, spec.classes);
    for (const k of spec.classes) {
      const total = new Set(spec.clips.filter((c) => !c.mixWith && c.labels.includes(k)).map((c) => recordingOf(c.source))).size;
      expect(counts[k].report.recordings, k).toBeGreaterThanOrEqual(Math.min(2, total));
    }
  });
});

describe('part rules', () => {
  const msdb = (subset: string, cls: number, uuid: string) => ({ repo: 'o/r', path: `d/Medley-solos-DB_${subset}-${cls}_${uuid}.flac` });
  const song = { repo: 'o/songs', path: 'a.mp3' };

  it('groups Medley-solos-DB clips by subset and class, other sources by file', () => {
    expect(recordingOf(msdb('training', 4, 'aaaa'))).toBe(recordingOf(msdb('training', 4, 'bbbb')));
    expect(recordingOf(msdb('training', 4, 'aaaa'))).not.toBe(recordingOf(msdb('test', 4, 'aaaa')));
    expect(recordingOf(song)).toBe('o/songs:a.mp3');
    expect(clipRecordings({ id: 'm', labels: ['pia', 'vio'], source: song, mixWith: [msdb('test', 7, 'c'), song] })).toEqual(['o/songs:a.mp3', 'msdb:test-7']);
  });

  it('reports a recording whose mix sits in the other part, and a missing part', () => {
    const clips: PartClip[] = [
      { id: 'a', labels: ['pia'], part: 'tune', source: song },
      { id: 'b', labels: ['vio'], part: 'report', source: msdb('test', 7, 'c') },
      { id: 'mix', labels: ['pia', 'vio'], part: 'report', source: song, mixWith: [msdb('test', 7, 'c')] },
      { id: 'c', labels: ['cla'], source: msdb('test', 0, 'd') },
    ];
    const problems = partProblems(clips);
    expect(problems).toHaveLength(2);
    expect(problems[0]).toMatch(/recording o\/songs:a\.mp3 is in both parts \(clip a in tune, clip mix in report\)/);
    expect(problems[1]).toMatch(/clip c: part must be/);
  });

  it('counts clips per part and solo recordings per class', () => {
    const clips: PartClip[] = [
      { id: 'a', labels: ['pia'], part: 'tune', source: song },
      { id: 'b', labels: ['pia'], part: 'report', source: msdb('test', 4, 'x') },
      { id: 'c', labels: ['pia'], part: 'report', source: msdb('test', 4, 'y') },
      { id: 'm', labels: ['pia', 'vio'], part: 'report', source: msdb('test', 4, 'x'), mixWith: [msdb('test', 7, 'z')] },
    ];
    const n = partCounts(clips, ['pia', 'vio']);
    expect(n.pia).toEqual({ tune: { clips: 1, recordings: 1 }, report: { clips: 3, recordings: 1 } });
    expect(n.vio).toEqual({ tune: { clips: 0, recordings: 0 }, report: { clips: 1, recordings: 0 } });
  });
});

// Regions for a folder of one recorded file per note (tonejs-instruments style: A4.mp3,
// As4.mp3 or A#4 / Bb4, optional velocity suffix like C4v3 ignored): each file covers the keys
// halfway to its neighbours. Pure: the caller lists the files.
import { LabError } from '../../common/errors.ts';
import type { SfzRegion } from './sfz-region.ts';

const PITCH: Record<string, number> = { c: 0, d: 2, e: 4, f: 5, g: 7, a: 9, b: 11 };

/** MIDI key of a note file name ("As4.mp3" -> 70), or undefined if the name is not a note. */
export function noteFileKey(file: string): number | undefined {
  const base = file.split('/').pop()!.replace(/\.[^.]+$/, '');
  const m = /^([A-Ga-g])(s|S|#|b)?(-?\d)(?:[^0-9].*)?$/.exec(base);
  if (!m) return undefined;
  const acc = m[2] === 's' || m[2] === 'S' || m[2] === '#' ? 1 : m[2] === 'b' ? -1 : 0;
  return (Number(m[3]) + 1) * 12 + PITCH[m[1].toLowerCase()] + acc;
}

export function notesFolderRegions(files: string[], what: string): SfzRegion[] {
  const keyed = files.map((f) => ({ f, key: noteFileKey(f) })).filter((x): x is { f: string; key: number } => x.key !== undefined);
  if (keyed.length === 0) throw new LabError(`${what}: no note-named audio files (like A4.mp3) found`);
  const byKey = new Map<number, string>();
  for (const x of keyed.sort((a, b) => a.f.localeCompare(b.f))) if (!byKey.has(x.key)) byKey.set(x.key, x.f);
  const keys = [...byKey.keys()].sort((a, b) => a - b);
  return keys.map((k, i) => ({
    sample: byKey.get(k)!,
    lokey: i === 0 ? 0 : Math.floor((keys[i - 1] + k) / 2) + 1,
    hikey: i === keys.length - 1 ? 127 : Math.floor((k + keys[i + 1]) / 2),
    pitchKeycenter: k,
    lovel: 1, hivel: 127, seqLength: 1, seqPosition: 1, lorand: 0, hirand: 1,
    tune: 0, transpose: 0, volume: 0, ampVeltrack: 100,
    attack: 0.002, hold: 0, decay: 0, sustain: 100, release: 0.25,
    loopMode: 'no_loop', offset: 0, trigger: 'attack',
  }));
}

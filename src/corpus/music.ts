// Small music-theory helpers for the arrangements: modes, diatonic chords, progressions,
// and a harmony timeline (which chord sounds when).
import type { Rng } from './prng.ts';

export const MODES = {
  major: [0, 2, 4, 5, 7, 9, 11],
  minor: [0, 2, 3, 5, 7, 8, 10],
  dorian: [0, 2, 3, 5, 7, 9, 10],
  mixolydian: [0, 2, 4, 5, 7, 9, 10],
  harmonicMinor: [0, 2, 3, 5, 7, 8, 11],
} as const;
export type ModeName = keyof typeof MODES;

/** Progressions as 0-based scale degrees, one chord per harmonic step. */
const MAJOR_PROGRESSIONS = [
  [0, 4, 5, 3],
  [0, 5, 3, 4],
  [0, 3, 4, 0],
  [1, 4, 0, 0],
  [0, 3, 0, 4],
  [5, 3, 0, 4],
  [0, 2, 3, 4],
  [3, 4, 2, 5],
];
const MINOR_PROGRESSIONS = [
  [0, 5, 2, 6],
  [0, 3, 4, 0],
  [0, 6, 5, 4],
  [0, 3, 6, 2],
  [0, 5, 3, 4],
  [3, 4, 0, 0],
];

export interface Key {
  tonic: number; // pitch class 0..11
  mode: ModeName;
}

export interface Chord {
  /** Start and end, seconds. */
  t0: number;
  t1: number;
  degree: number;
  /** Pitch classes, root first (triad, sometimes with a seventh). */
  pcs: number[];
}

/** MIDI key of scale step `step` (any integer; 7 steps per octave) with step 0 = tonic in octave of `base`. */
export function scaleKey(key: Key, step: number, base = 60): number {
  const scale = MODES[key.mode];
  const oct = Math.floor(step / 7);
  const idx = step - oct * 7;
  return base - (base % 12) + key.tonic + oct * 12 + scale[idx];
}

/** Scale step whose key is nearest to `midi` (ties go down). */
export function nearestStep(key: Key, midi: number, base = 60): number {
  let best = 0;
  let bestDist = Infinity;
  const guess = Math.round(((midi - (base - (base % 12) + key.tonic)) * 7) / 12);
  for (let s = guess - 3; s <= guess + 3; s++) {
    const d = Math.abs(scaleKey(key, s, base) - midi);
    if (d < bestDist) {
      best = s;
      bestDist = d;
    }
  }
  return best;
}

export function chordPcs(key: Key, degree: number, seventh: boolean): number[] {
  const scale = MODES[key.mode];
  const steps = seventh ? [0, 2, 4, 6] : [0, 2, 4];
  return steps.map((s) => (key.tonic + scale[(degree + s) % 7]) % 12);
}

export function isInChord(midi: number, chord: Chord): boolean {
  return chord.pcs.includes(((midi % 12) + 12) % 12);
}

/** Keys of the chord's pitch classes within [lo, hi], ascending. */
export function chordKeysInRange(chord: Chord, lo: number, hi: number): number[] {
  const out: number[] = [];
  for (let k = lo; k <= hi; k++) if (isInChord(k, chord)) out.push(k);
  return out;
}

export function pickKey(rng: Rng): Key {
  const mode = rng.weighted<ModeName>(
    ['major', 'minor', 'dorian', 'mixolydian', 'harmonicMinor'],
    [5, 4, 1.2, 1, 0.8],
  );
  return { tonic: rng.int(0, 11), mode };
}

/** Chords from `start` to `end` seconds: a progression repeated, `stepSec` each. */
export function harmonyTimeline(rng: Rng, key: Key, start: number, end: number, stepSec: number): Chord[] {
  const minorish = key.mode === 'minor' || key.mode === 'harmonicMinor' || key.mode === 'dorian';
  const prog = rng.pick(minorish ? MINOR_PROGRESSIONS : MAJOR_PROGRESSIONS);
  const sevenths = rng.chance(0.35);
  const out: Chord[] = [];
  let i = rng.int(0, prog.length - 1);
  for (let t = start; t < end; t += stepSec, i++) {
    const degree = prog[i % prog.length];
    out.push({ t0: t, t1: t + stepSec, degree, pcs: chordPcs(key, degree, sevenths && rng.chance(0.6)) });
  }
  return out;
}

export function chordAt(chords: Chord[], t: number): Chord {
  for (const c of chords) if (t >= c.t0 && t < c.t1) return c;
  return t < chords[0].t0 ? chords[0] : chords[chords.length - 1];
}

export const KEY_NAMES = ['C', 'C#', 'D', 'Eb', 'E', 'F', 'F#', 'G', 'Ab', 'A', 'Bb', 'B'];

// Accompaniment textures: chord voicings (block, strummed, arpeggiated, sustained pad), bass
// lines and drum-kit grooves, all on the clip's grid and harmony.
import type { Grid } from './arrange-melody.ts';
import type { NoteEvent } from './arrange-types.ts';
import { chordKeysInRange, type Chord } from './music.ts';
import type { Rng } from './prng.ts';

export type ChordStyle = 'block' | 'strum' | 'arpeggio' | 'pad' | 'power';

/** `n` chord tones around `center` (a contiguous run of the chord's keys in range). */
export function voicing(chord: Chord, center: number, n: number): number[] {
  const keys = chordKeysInRange(chord, center - 12, center + 12);
  let best = 0;
  let bestDist = Infinity;
  for (let i = 0; i + n <= keys.length; i++) {
    const mean = keys.slice(i, i + n).reduce((s, k) => s + k, 0) / n;
    const dist = Math.abs(mean - center);
    if (dist < bestDist) {
      best = i;
      bestDist = dist;
    }
  }
  return keys.slice(best, best + n);
}

function beatTime(grid: Grid, beats: number): number {
  const frac = beats - Math.floor(beats);
  return grid.start + (beats + (Math.abs(frac - 0.5) < 1e-6 ? grid.swing : 0)) * grid.beat;
}

const BLOCK_PATTERNS = [[0], [0, 2], [0, 1, 2, 3], [0, 1.5, 2, 3.5], [0, 2.5], [0, 1, 2]];
const STRUM_PATTERNS = ['D.D.DUDU', 'D.DU.UDU', 'D..UD.DU', 'D.D.D.D.', 'DUDUDUDU'];

/** Chords over the harmony in `style`, voiced around `center`. */
export function chordPart(rng: Rng, chords: Chord[], grid: Grid, style: ChordStyle, center: number, velocity: number): NoteEvent[] {
  const notes: NoteEvent[] = [];
  const bpb = grid.beatsPerBar;
  const block = rng.pick(BLOCK_PATTERNS).filter((b) => b < bpb);
  const strum = rng.pick(STRUM_PATTERNS).slice(0, bpb * 2);
  const arpStep = grid.beat < 0.5 ? 0.5 : rng.pick([0.5, 0.25]);
  const arpShape = rng.pick([[0, 1, 2, 3], [0, 2, 1, 3], [0, 1, 2, 3, 2, 1], [0, 3, 1, 2]]);
  const nVoices = style === 'pad' ? rng.int(3, 4) : rng.int(3, 4);
  const vel = (v: number) => Math.round(Math.min(127, Math.max(25, v + rng.gauss(4))));
  for (const chord of chords) {
    const firstBeat = Math.round((chord.t0 - grid.start) / grid.beat);
    const lenBeats = Math.round((chord.t1 - chord.t0) / grid.beat);
    const keys = style === 'power' ? powerChord(chord, center) : voicing(chord, center, nVoices);
    if (style === 'pad') {
      for (const k of keys) notes.push({ t: chord.t0 + rng.gauss(0.008), d: chord.t1 - chord.t0 + 0.04, key: k, vel: vel(velocity) });
      continue;
    }
    for (let b0 = 0; b0 < lenBeats; b0 += bpb) {
      const barStart = firstBeat + b0;
      if (style === 'block' || style === 'power') {
        block.forEach((pos, i) => {
          const next = i + 1 < block.length ? block[i + 1] : bpb;
          const t = beatTime(grid, barStart + pos);
          const d = (next - pos) * grid.beat * (style === 'power' ? 0.8 : 0.92);
          const v = vel(velocity + (pos === 0 ? 6 : 0));
          for (const k of keys) notes.push({ t: t + rng.gauss(0.004), d, key: k, vel: v });
        });
      } else if (style === 'strum') {
        for (let s = 0; s < strum.length; s++) {
          const dir = strum[s];
          if (dir === '.') continue;
          const t = beatTime(grid, barStart + s * 0.5);
          const order = dir === 'D' ? keys : keys.slice().reverse().slice(0, Math.max(2, keys.length - 1));
          const spread = rng.range(0.006, 0.016);
          const v = vel(velocity + (dir === 'D' ? 4 : -8) + (s === 0 ? 6 : 0));
          order.forEach((k, i) => notes.push({ t: t + i * spread, d: grid.beat * 0.5 * rng.range(0.9, 1.8), key: k, vel: v }));
        }
      } else {
        const arpKeys = keys.length >= 4 ? keys : [...keys, keys[0] + 12];
        for (let i = 0; i * arpStep < bpb; i++) {
          const t = beatTime(grid, barStart + i * arpStep);
          const k = arpKeys[arpShape[i % arpShape.length] % arpKeys.length];
          notes.push({ t: t + rng.gauss(0.005), d: grid.beat * rng.range(1, 2.5), key: k, vel: vel(velocity - (i % 2 ? 6 : 0)) });
        }
      }
    }
  }
  return notes;
}

function powerChord(chord: Chord, center: number): number[] {
  const root = chordKeysInRange({ ...chord, pcs: [chord.pcs[0]] }, center - 12, center)[0] ?? center - 12;
  return [root, root + 7, root + 12];
}

export type BassStyle = 'root' | 'rootFifth' | 'walking' | 'eighths';

/** A bass line (MIDI 28..52) following the chord roots. */
export function bassPart(rng: Rng, chords: Chord[], grid: Grid, style: BassStyle, velocity: number): NoteEvent[] {
  const notes: NoteEvent[] = [];
  const rootKey = (c: Chord) => chordKeysInRange({ ...c, pcs: [c.pcs[0]] }, 33, 44)[0];
  chords.forEach((chord, ci) => {
    const root = rootKey(chord);
    const fifth = root + 7 <= 52 ? root + 7 : root - 5;
    const nextRoot = rootKey(chords[Math.min(ci + 1, chords.length - 1)]);
    const lenBeats = Math.round((chord.t1 - chord.t0) / grid.beat);
    const firstBeat = Math.round((chord.t0 - grid.start) / grid.beat);
    const step = style === 'eighths' ? 0.5 : style === 'root' ? 2 : 1;
    for (let b = 0; b < lenBeats; b += step) {
      let k = root;
      if (style === 'rootFifth') k = b % 2 === 1 ? fifth : root;
      if (style === 'walking' && b > 0) {
        const towards = nextRoot + (b === lenBeats - 1 ? (rng.chance(0.5) ? 1 : -1) : 0);
        k = b === lenBeats - 1 ? towards : rng.pick(chordKeysInRange(chord, 33, 52));
      }
      const t = beatTime(grid, firstBeat + b) + rng.gauss(0.005);
      const d = Math.min(step, lenBeats - b) * grid.beat * (style === 'eighths' ? 0.7 : 0.9);
      notes.push({ t, d, key: k, vel: Math.round(Math.min(127, velocity + (b === 0 ? 8 : 0) + rng.gauss(4))) });
    }
  });
  return notes;
}

export type Groove = 'rock' | 'pop' | 'swing' | 'ballad' | 'latin';

// One bar of each groove on an eighth-note grid: [GM drum key, eighth positions, velocity].
const GROOVES: Record<Groove, [number, number[], number][]> = {
  rock: [[36, [0, 4, 5], 100], [38, [2, 6], 100], [42, [0, 1, 2, 3, 4, 5, 6, 7], 72]],
  pop: [[36, [0, 3, 4], 95], [38, [2, 6], 90], [42, [0, 1, 2, 3, 4, 5, 6, 7], 60], [46, [7], 55]],
  swing: [[51, [0, 2, 3, 4, 6, 7], 70], [44, [2, 6], 60], [36, [0], 55], [37, [6], 45]],
  ballad: [[36, [0, 5], 80], [37, [2, 6], 70], [42, [0, 2, 4, 6], 55]],
  latin: [[36, [0, 3, 4, 7], 80], [37, [2, 5], 70], [42, [0, 1, 2, 3, 4, 5, 6, 7], 50], [75, [0, 3, 6], 60]],
};

/** A drum-kit groove from `grid.start` to `grid.end`, with a crash on the first bar sometimes. */
export function drumPart(rng: Rng, grid: Grid, groove: Groove): NoteEvent[] {
  const notes: NoteEvent[] = [];
  const eighths = grid.beatsPerBar * 2;
  const bars = Math.ceil((grid.end - grid.start) / (grid.beat * grid.beatsPerBar));
  const crashBar = rng.chance(0.5) ? rng.int(0, bars - 1) : -1;
  for (let bar = 0; bar < bars; bar++) {
    for (const [key, positions, v] of GROOVES[groove]) {
      for (const p of positions) {
        if (p >= eighths) continue;
        const t = beatTime(grid, bar * grid.beatsPerBar + p / 2) + rng.gauss(0.004);
        notes.push({ t, d: 0.1, key, vel: Math.round(Math.min(127, Math.max(20, v + (p % 2 ? -8 : 0) + rng.gauss(6)))) });
      }
    }
    if (bar === crashBar) notes.push({ t: beatTime(grid, bar * grid.beatsPerBar), d: 0.5, key: 49, vel: 90 });
  }
  return notes;
}

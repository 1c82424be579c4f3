// Melodic lines: a seeded rhythm (cells chosen by the instrument's agility and the clip's
// density) and a pitch walk on the scale that favours steps, lands on chord tones on strong
// beats, follows a phrase arch, and stays in the instrument's range.
import type { NoteEvent } from './arrange-types.ts';
import { chordAt, isInChord, nearestStep, scaleKey, type Chord, type Key } from './music.ts';
import type { Rng } from './prng.ts';

/** The metrical grid of a clip: music starts at `start` (seconds, bar line) and runs to `end`. */
export interface Grid {
  start: number;
  end: number;
  /** Seconds per beat. */
  beat: number;
  beatsPerBar: number;
  /** Delay of off-beat eighths, as a fraction of a beat (0 straight, ~0.17 swung). */
  swing: number;
}

export interface LineSpec {
  range: [number, number];
  agility: number;
  /** 0..1, the clip's busyness for this line. */
  density: number;
  legato: boolean;
  sustained: boolean;
  breathes: boolean;
  velocity: number;
  /** Bars per phrase (2 or 4). */
  phraseBars: number;
}

interface Cell {
  beats: number[];
  /** Indexes of rests within `beats`. */
  rests?: number[];
  weight: (agility: number, density: number) => number;
}

const CELLS: Cell[] = [
  { beats: [4], weight: (a, d) => 0.25 * (1 - a) * (1 - d) },
  { beats: [2], weight: (a, d) => 0.3 + 1.2 * (1 - a) * (1 - d) },
  { beats: [3], weight: (a, d) => 0.2 * (1 - a) },
  { beats: [1.5, 0.5], weight: () => 0.8 },
  { beats: [1], weight: () => 2 },
  { beats: [0.5, 0.5], weight: (a, d) => 0.6 + a + d },
  { beats: [0.75, 0.25], weight: (a) => 0.6 * a },
  { beats: [0.5, 0.25, 0.25], weight: (a, d) => 0.6 * a * d },
  { beats: [0.25, 0.25, 0.5], weight: (a, d) => 0.6 * a * d },
  { beats: [0.25, 0.25, 0.25, 0.25], weight: (a, d) => 1.4 * a * a * d },
  { beats: [1 / 3, 1 / 3, 1 / 3], weight: (a) => 0.3 * a },
  { beats: [1], rests: [0], weight: () => 0.25 },
  { beats: [0.5, 0.5], rests: [0], weight: (a) => 0.3 + 0.3 * a },
];

/** Onsets and lengths (in beats from the grid start) of one bar's rhythm, rests marked. */
function barRhythm(rng: Rng, beatsPerBar: number, spec: LineSpec): { pos: number; len: number; rest: boolean }[] {
  const out: { pos: number; len: number; rest: boolean }[] = [];
  let pos = 0;
  while (pos < beatsPerBar - 1e-9) {
    const remaining = beatsPerBar - pos;
    const onBeat = Math.abs(pos - Math.round(pos)) < 1e-9;
    const fits = CELLS.filter((c) => c.beats.reduce((s, b) => s + b, 0) <= remaining + 1e-9 && (onBeat || c.beats[0] <= 0.5));
    const cell = rng.weighted(fits, fits.map((c) => c.weight(spec.agility, spec.density)));
    cell.beats.forEach((len, i) => {
      out.push({ pos, len, rest: cell.rests?.includes(i) ?? false });
      pos += len;
    });
  }
  return out;
}

function swung(posBeats: number, swing: number): number {
  const frac = posBeats - Math.floor(posBeats);
  return Math.abs(frac - 0.5) < 1e-6 ? posBeats + swing : posBeats;
}

const MOVES = [-7, -4, -3, -2, -1, 0, 1, 2, 3, 4, 7];
const MOVE_WEIGHTS = [0.01, 0.04, 0.06, 0.13, 0.27, 0.05, 0.27, 0.13, 0.06, 0.04, 0.01];

/** A melodic line over `chords` on `grid`, in `spec.range`. */
export function melodyLine(rng: Rng, key: Key, chords: Chord[], grid: Grid, spec: LineSpec): NoteEvent[] {
  const [lo, hi] = spec.range;
  const center = (lo + hi) / 2;
  const notes: NoteEvent[] = [];
  let step = nearestStep(key, Math.round(center + rng.gauss(3)));
  const barSec = grid.beat * grid.beatsPerBar;
  const bars = Math.ceil((grid.end - grid.start) / barSec);
  const artic = spec.legato ? rng.weighted([1.02, 0.9, 0.55], [6, 3, 1]) : rng.weighted([1.0, 0.88, 0.5], [3, 4, 1]);
  for (let bar = 0; bar < bars; bar++) {
    const phrasePos = (bar % spec.phraseBars) / spec.phraseBars;
    const target = center + (hi - lo) * 0.22 * Math.sin(Math.PI * (phrasePos + 0.25)) + rng.gauss(2);
    const cells = barRhythm(rng, grid.beatsPerBar, spec);
    const phraseEnd = bar % spec.phraseBars === spec.phraseBars - 1;
    for (let ci = 0; ci < cells.length; ci++) {
      const c = cells[ci];
      if (c.rest) continue;
      const beatPos = bar * grid.beatsPerBar + c.pos;
      const t = grid.start + swung(beatPos, grid.swing) * grid.beat + rng.gauss(0.006);
      if (t > grid.end) break;
      // Pitch: a weighted step, pulled towards the phrase target.
      const cur = scaleKey(key, step);
      const weights = MOVES.map((m, i) => MOVE_WEIGHTS[i] * ((m > 0) === (target > cur) && m !== 0 ? 1.6 : 1));
      step += rng.weighted(MOVES, weights);
      let k = scaleKey(key, step);
      while (k > hi) k = scaleKey(key, (step -= 2));
      while (k < lo) k = scaleKey(key, (step += 2));
      const strong = Math.abs(c.pos - Math.round(c.pos)) < 1e-9 && (c.pos === 0 || c.len >= 1);
      const chord = chordAt(chords, t);
      if (strong && !isInChord(k, chord) && rng.chance(0.75)) {
        for (const d of [1, -1, 2, -2]) {
          const kk = scaleKey(key, step + d);
          if (isInChord(kk, chord) && kk >= lo && kk <= hi) {
            step += d;
            k = kk;
            break;
          }
        }
      }
      const accent = c.pos === 0 ? 8 : strong ? 4 : 0;
      const swell = 8 * Math.sin(Math.PI * phrasePos);
      const vel = Math.round(Math.min(127, Math.max(28, spec.velocity + accent + swell + rng.gauss(4))));
      let d = c.len * grid.beat * artic;
      if (artic > 1) d += 0.03;
      if (!spec.sustained) d = Math.max(d, c.len * grid.beat * rng.range(0.95, 1.4));
      const isLast = ci === cells.length - 1;
      if (phraseEnd && isLast && spec.breathes && rng.chance(0.7)) d = Math.min(d, c.len * grid.beat * 0.45);
      notes.push({ t, d: Math.max(0.05, d), key: k, vel });
    }
  }
  return notes;
}

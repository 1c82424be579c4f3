// Expressive controllers for a monophonic line: delayed vibrato and scoops or bends as
// pitch-bend curves (bank-independent, default bend range of +-2 semitones), dynamic swells on
// expression (CC11), and sustain-pedal changes for piano.
import type { Chord } from './music.ts';
import type { ControlEvent, NoteEvent } from './arrange-types.ts';
import type { Rng } from './prng.ts';

const BEND_CENTRE = 8192;
const CENTS_PER_BEND_RANGE = 200;

function bendValue(cents: number): number {
  const v = Math.round(BEND_CENTRE + (cents / CENTS_PER_BEND_RANGE) * 8191);
  return Math.min(16383, Math.max(0, v));
}

export interface PitchStyle {
  vibratoCents: number;
  /** Vibrato rate, Hz. */
  vibratoRate: number;
  scoopCents: number;
  /** Probability of a scoop (or, with `bends`, a whole-tone bend) into a note. */
  scoopChance: number;
  bends: boolean;
}

/**
 * Pitch-bend events for a monophonic line: each note starts at centre (or below it, for a
 * scoop/bend, rising to centre), then develops vibrato after a short delay if it is long enough.
 * Events of a note stay before the next note's onset.
 */
export function pitchCurves(rng: Rng, notes: NoteEvent[], style: PitchStyle): ControlEvent[] {
  const out: ControlEvent[] = [];
  const sorted = notes.slice().sort((a, b) => a.t - b.t);
  const dt = 1 / (style.vibratoRate * 8);
  sorted.forEach((n, i) => {
    const until = Math.min(n.t + n.d, i + 1 < sorted.length ? sorted[i + 1].t - 0.002 : Infinity);
    let from = n.t;
    if (style.scoopCents > 0 && n.d > 0.15 && rng.chance(style.scoopChance)) {
      const depth = style.bends ? 200 : style.scoopCents * rng.range(0.5, 1.2);
      const glide = style.bends ? rng.range(0.08, 0.16) : rng.range(0.05, 0.1);
      for (let k = 0; k <= 4; k++) {
        const t = n.t - 0.001 + (glide * k) / 4;
        if (t >= until) break;
        out.push({ t, bend: bendValue(-depth * (1 - k / 4) ** 1.5) });
      }
      from = n.t + glide;
    } else {
      out.push({ t: n.t - 0.001, bend: BEND_CENTRE });
    }
    if (style.vibratoCents <= 0 || until - n.t < 0.3) return;
    const delay = rng.range(0.1, 0.22);
    const depth = style.vibratoCents * rng.range(0.6, 1.2);
    const phase0 = from + delay;
    for (let t = phase0; t < until; t += dt) {
      const grow = Math.min(1, (t - phase0) / 0.3);
      out.push({ t, bend: bendValue(depth * grow * Math.sin(2 * Math.PI * style.vibratoRate * (t - phase0))) });
    }
    if (until < Infinity) out.push({ t: until, bend: BEND_CENTRE });
  });
  return out;
}

/** Expression (CC11) swells over phrases: a rise and fall of `amount` around `base`. */
export function swells(rng: Rng, start: number, end: number, phraseSec: number, base: number, amount: number): ControlEvent[] {
  const out: ControlEvent[] = [];
  let phrase = start;
  while (phrase < end) {
    const shape = rng.pick(['arch', 'rise', 'fall']);
    const amp = amount * rng.range(0.5, 1);
    for (let x = 0; x < 1; x += 0.1) {
      const y = shape === 'arch' ? Math.sin(Math.PI * x) : shape === 'rise' ? x : 1 - x;
      out.push({ t: phrase + x * phraseSec, cc: 11, value: Math.round(Math.min(127, Math.max(40, base - amp / 2 + amp * y))) });
    }
    phrase += phraseSec;
  }
  return out;
}

/** Sustain pedal (CC64) lifted just before and pressed just after each chord change. */
export function pedalling(chords: Chord[]): ControlEvent[] {
  const out: ControlEvent[] = [];
  for (const c of chords) {
    out.push({ t: c.t0 - 0.02, cc: 64, value: 0 });
    out.push({ t: c.t0 + 0.04, cc: 64, value: 127 });
  }
  return out;
}

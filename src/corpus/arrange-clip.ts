// One clip's arrangement from its spec: key, tempo, groove and harmony, the labelled parts,
// the unlabelled accompaniment, their target levels, and the clip's reverb/chorus settings.
//  - train/validation: one labelled lead at 0 dB; one or two other classes (chords or
//    counter-line), bass and drums on some clips, each 3-12 dB below the lead.
//  - test: 1-3 labelled parts within 3 dB of each other; unlabelled accompaniment 5-12 dB
//    below the quietest labelled part.
import type { Groove } from './arrange-accomp.ts';
import type { Grid } from './arrange-melody.ts';
import { bassLine, drumKit, instrumentPart, isPolyphonic, type Context } from './arrange-parts.ts';
import type { ClipPlan, NoteEvent, PartPlan } from './arrange-types.ts';
import { IRMAS_CLASSES, type IrmasClass } from './classes.ts';
import { PROFILES } from './instruments.ts';
import { harmonyTimeline, KEY_NAMES, pickKey } from './music.ts';
import { Rng } from './prng.ts';
import type { BankName, Split } from './types.ts';

export interface ClipSpec {
  id: string;
  split: Split;
  bank: BankName;
  /** Labelled classes, the first being the lead. */
  labels: IrmasClass[];
  duration: number;
  seed: number;
  /** 1: SoundFont recipe (every part from `bank`); 2: recorded recipe (sources per part, room, mic); 3: 2 plus a codec stage on some clips. */
  recipe?: number;
  /** Recipe 2: the source of each labelled part, in label order (see sources.ts). */
  sources?: string[];
  /** An OpenPIR-like multi-label training clip: labelled parts and accompaniment levelled as in test clips. */
  multi?: boolean;
}

export const PREROLL_SEC = 0.5;

const REVERB_TIMES = [80, 56, 72, 72, 64, 88];

/** Fraction of the clip during which a note of the part sounds (with 0.1 s of release). */
export function coverage(notes: NoteEvent[], duration: number): number {
  let on = 0, n = 0;
  for (let t = 0; t < duration; t += 0.05, n++) if (notes.some((x) => x.t <= t && t < x.t + x.d + 0.1)) on++;
  return on / Math.max(1, n);
}

export const MIN_COVERAGE = 0.7;

export function arrangeClip(spec: ClipSpec): ClipPlan {
  const rng = new Rng(spec.seed);
  const key = pickKey(rng);
  const lead = spec.labels[0];
  const slow = lead === 'voi' || lead === 'cel';
  const groove = rng.weighted<Groove>(['rock', 'pop', 'swing', 'ballad', 'latin'], [1, 1.5, 0.8, slow ? 2 : 1.2, 0.6]);
  const tempo = slow ? rng.int(60, 118) : rng.int(66, 150);
  const beatsPerBar = groove === 'rock' || groove === 'swing' || !rng.chance(0.2) ? 4 : 3;
  const beat = 60 / tempo;
  const barSec = beat * beatsPerBar;
  const start = -(PREROLL_SEC + rng.range(0, barSec));
  const end = spec.duration + 0.1;
  const grid: Grid = { start, end, beat, beatsPerBar, swing: groove === 'swing' ? 0.17 : 0 };
  const harmonicStep = tempo > 128 && rng.chance(0.5) ? 2 * barSec : barSec;
  const chords = harmonyTimeline(rng, key, start, end, harmonicStep);
  const ctx: Context = {
    key, chords, grid,
    reverbSend: rng.int(20, 80),
    chorusSend: rng.chance(0.5) ? rng.int(5, 45) : 0,
    leadCenter: (PROFILES[lead].range[0] + PROFILES[lead].range[1]) / 2,
  };
  const parts: PartPlan[] = [];
  const textures: string[] = [];
  spec.labels.forEach((cls, i) => {
    const role = i === 0 ? 'lead' : 'colead';
    // A labelled part must be heard for most of the clip: re-draw a sparse one (seeded, up to 4 tries).
    let best = instrumentPart(rng.fork(`label${i}`), cls, role, ctx);
    for (let attempt = 1; attempt < 4 && coverage(best.part.notes, spec.duration) < MIN_COVERAGE; attempt++) {
      const next = instrumentPart(rng.fork(`label${i}-${attempt}`), cls, role, ctx);
      if (coverage(next.part.notes, spec.duration) > coverage(best.part.notes, spec.duration)) best = next;
    }
    const { part, texture } = best;
    part.levelDb = i === 0 ? 0 : -rng.range(0, 3);
    parts.push(part);
    textures.push(texture);
  });
  const isTest = spec.split === 'test' || spec.multi === true;
  const others = rng.shuffle(IRMAS_CLASSES.filter((c) => !spec.labels.includes(c)));
  const nAccomp = isTest ? (rng.chance(0.4) ? 1 : 0) : rng.chance(0.55) ? 1 : 2;
  const accomp: IrmasClass[] = [];
  for (let i = 0; i < nAccomp; i++) {
    const poly = others.filter((c) => isPolyphonic(c) && !accomp.includes(c));
    const wantChords = i === 0 ? rng.chance(0.7) : rng.chance(0.35);
    accomp.push(wantChords && poly.length > 0 ? poly[0] : others.filter((c) => !accomp.includes(c))[0]);
  }
  const withBass = rng.chance(isTest ? 0.7 : 0.6);
  const withDrums = rng.chance(withBass ? 0.65 : 0.3);
  const minLabelled = Math.min(...parts.map((p) => p.levelDb));
  const accompLevel = (lo: number, hi: number) => (isTest ? minLabelled - rng.range(5, 12) : -rng.range(lo, hi));
  accomp.forEach((cls, i) => {
    const role = isPolyphonic(cls) && (i === 0 || rng.chance(0.5)) ? 'chords' : 'counter';
    const { part } = instrumentPart(rng.fork(`accomp${i}`), cls, role, ctx);
    part.levelDb = accompLevel(3, 12);
    parts.push(part);
  });
  if (withBass || parts.length === spec.labels.length) {
    const bass = bassLine(rng.fork('bass'), ctx, groove);
    bass.levelDb = accompLevel(4, 12);
    parts.push(bass);
  }
  if (withDrums) {
    const drums = drumKit(rng.fork('drums'), ctx, groove);
    drums.levelDb = accompLevel(5, 12);
    parts.push(drums);
  }
  const character = rng.int(0, 5);
  return {
    id: spec.id,
    split: spec.split,
    bank: spec.bank,
    labels: spec.labels.slice(),
    duration: spec.duration,
    preroll: PREROLL_SEC,
    mixDbfs: -rng.range(17, 24),
    effects: {
      reverbCharacter: character,
      reverbTime: REVERB_TIMES[character] + rng.int(-12, 12),
      reverbLevel: rng.int(48, 90),
      chorusMacro: rng.int(0, 3),
      chorusLevel: rng.int(40, 90),
    },
    parts,
    meta: {
      tempo,
      key: `${KEY_NAMES[key.tonic]} ${key.mode}`,
      meter: `${beatsPerBar}/4`,
      groove,
      texture: textures.join('+'),
      ...(spec.multi ? { set: 'multi', genre: GENRE[groove], drums: withDrums ? 'yes' : 'no' } : {}),
    },
  };
}

/** OpenPIR-style genre of a groove (for the multi-label set's metadata). */
const GENRE: Record<Groove, string> = { rock: 'rock', pop: 'pop', swing: 'jazz', ballad: 'pop', latin: 'latin' };

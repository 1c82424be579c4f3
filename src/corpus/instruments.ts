// How each IRMAS class is played in the arrangements: its GM programs (checked present in all
// three banks), playing range, whether it sustains, and its expressive habits.
import type { IrmasClass } from './classes.ts';

export interface ProgramChoice {
  program: number;
  weight: number;
  /** Melody range override for this program (e.g. piccolo, baritone sax). */
  range?: [number, number];
}

export interface InstrumentProfile {
  programs: ProgramChoice[];
  /** Comfortable melody range, MIDI keys (sounding pitch). */
  range: [number, number];
  /** Sustained (bowed, blown, sung, organ) rather than plucked or struck. */
  sustained: boolean;
  /** Can play chords (keyboards, guitars). */
  polyphonic: boolean;
  /** 0..1: how fast its lines may move (16ths for 1, mostly quarters for 0). */
  agility: number;
  /** Vibrato depth in cents at full development (0: none). */
  vibratoCents: number;
  /** Pitch scoops into notes (cents below), 0: none. */
  scoopCents: number;
  /** Whole-tone bends into notes (electric guitar). */
  bends: boolean;
  /** Slurred lines (notes overlap slightly). */
  legato: boolean;
  /** Breath marks: rests at phrase ends. */
  breathes: boolean;
  /** Portamento between notes on this share of lines, with CC5 glide time in `time`. */
  glide?: { chance: number; time: [number, number] };
}

export const PROFILES: Readonly<Record<IrmasClass, InstrumentProfile>> = {
  cel: {
    programs: [{ program: 42, weight: 1 }],
    range: [36, 74], sustained: true, polyphonic: false, agility: 0.45,
    vibratoCents: 22, scoopCents: 0, bends: false, legato: true, breathes: false,
    glide: { chance: 0.2, time: [4, 12] },
  },
  cla: {
    programs: [{ program: 71, weight: 1 }],
    range: [52, 86], sustained: true, polyphonic: false, agility: 0.8,
    vibratoCents: 0, scoopCents: 0, bends: false, legato: true, breathes: true,
  },
  flu: {
    programs: [{ program: 73, weight: 4 }, { program: 72, weight: 1, range: [74, 98] }],
    range: [62, 93], sustained: true, polyphonic: false, agility: 0.85,
    vibratoCents: 14, scoopCents: 0, bends: false, legato: true, breathes: true,
  },
  gac: {
    programs: [{ program: 24, weight: 1 }, { program: 25, weight: 1 }],
    range: [45, 81], sustained: false, polyphonic: true, agility: 0.7,
    vibratoCents: 0, scoopCents: 0, bends: false, legato: false, breathes: false,
  },
  gel: {
    programs: [
      { program: 26, weight: 1 }, { program: 27, weight: 1.2 }, { program: 28, weight: 0.4 },
      { program: 29, weight: 1 }, { program: 30, weight: 0.8 },
    ],
    range: [47, 86], sustained: false, polyphonic: true, agility: 0.75,
    vibratoCents: 18, scoopCents: 0, bends: true, legato: false, breathes: false,
  },
  org: {
    programs: [{ program: 16, weight: 1.5 }, { program: 17, weight: 1 }, { program: 18, weight: 0.8 }, { program: 19, weight: 1 }],
    range: [53, 86], sustained: true, polyphonic: true, agility: 0.6,
    vibratoCents: 0, scoopCents: 0, bends: false, legato: true, breathes: false,
  },
  pia: {
    programs: [{ program: 0, weight: 3 }, { program: 1, weight: 1 }],
    range: [55, 91], sustained: false, polyphonic: true, agility: 0.9,
    vibratoCents: 0, scoopCents: 0, bends: false, legato: false, breathes: false,
  },
  sax: {
    programs: [
      { program: 64, weight: 0.8, range: [58, 86] }, { program: 65, weight: 1.5, range: [51, 80] },
      { program: 66, weight: 1.5, range: [46, 75] }, { program: 67, weight: 0.5, range: [38, 67] },
    ],
    range: [51, 80], sustained: true, polyphonic: false, agility: 0.75,
    vibratoCents: 16, scoopCents: 60, bends: false, legato: true, breathes: true,
    glide: { chance: 0.2, time: [4, 14] },
  },
  tru: {
    programs: [{ program: 56, weight: 3 }, { program: 59, weight: 1 }],
    range: [55, 82], sustained: true, polyphonic: false, agility: 0.55,
    vibratoCents: 8, scoopCents: 30, bends: false, legato: false, breathes: true,
  },
  vio: {
    programs: [{ program: 40, weight: 3 }, { program: 110, weight: 1 }],
    range: [57, 93], sustained: true, polyphonic: false, agility: 0.8,
    vibratoCents: 24, scoopCents: 0, bends: false, legato: true, breathes: false,
    glide: { chance: 0.2, time: [4, 12] },
  },
  voi: {
    programs: [{ program: 52, weight: 1 }, { program: 53, weight: 1 }],
    range: [52, 79], sustained: true, polyphonic: false, agility: 0.35,
    vibratoCents: 30, scoopCents: 50, bends: false, legato: true, breathes: true,
    glide: { chance: 0.6, time: [8, 28] },
  },
};

/** Bass programs (acoustic, finger, pick, fretless) and drum kits (standard, room, power, jazz, brush). */
export const BASS_PROGRAMS = [32, 33, 34, 35];
export const DRUM_KITS = [0, 8, 16, 32, 40];

/** Every program the corpus uses, for checking a bank before rendering. */
export function programsUsed(): { melodic: number[]; kits: number[] } {
  const melodic = new Set<number>(BASS_PROGRAMS);
  for (const p of Object.values(PROFILES)) for (const c of p.programs) melodic.add(c.program);
  return { melodic: [...melodic].sort((a, b) => a - b), kits: DRUM_KITS.slice() };
}

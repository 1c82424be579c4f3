// Builds the parts of a clip: an IRMAS instrument as lead, co-lead, chords or counter-line
// (texture chosen by the class), and the unlabelled bass and drums.
import { chordPart, bassPart, drumPart, type ChordStyle, type BassStyle, type Groove } from './arrange-accomp.ts';
import { pitchCurves, swells, pedalling } from './arrange-expression.ts';
import { melodyLine, type Grid } from './arrange-melody.ts';
import type { ControlEvent, NoteEvent, PartPlan } from './arrange-types.ts';
import type { IrmasClass } from './classes.ts';
import { BASS_PROGRAMS, DRUM_KITS, PROFILES } from './instruments.ts';
import type { Chord, Key } from './music.ts';
import type { Rng } from './prng.ts';
import type { PartRole } from './types.ts';

export interface Context {
  key: Key;
  chords: Chord[];
  grid: Grid;
  /** Clip-level reverb and chorus send (CC91/CC93) around which parts vary. */
  reverbSend: number;
  chorusSend: number;
  /** Centre of the lead's range, so counter-lines can keep out of its way. */
  leadCenter?: number;
}

const POLYPHONIC: IrmasClass[] = ['pia', 'org', 'gac', 'gel'];
export const isPolyphonic = (c: IrmasClass) => POLYPHONIC.includes(c);

function clamp7(v: number): number {
  return Math.min(127, Math.max(0, Math.round(v)));
}

function setup(rng: Rng, ctx: Context, pan: number, sendScale = 1): PartPlan['setup'] {
  return [
    { cc: 101, value: 0 }, { cc: 100, value: 0 }, { cc: 6, value: 2 }, { cc: 38, value: 0 }, // bend range +-2
    { cc: 7, value: 100 },
    { cc: 10, value: clamp7(pan) },
    { cc: 91, value: clamp7((ctx.reverbSend + rng.int(-10, 10)) * sendScale) },
    { cc: 93, value: clamp7(ctx.chorusSend > 0 ? ctx.chorusSend + rng.int(-8, 8) : 0) },
    { cc: 11, value: 120 },
  ];
}

/** Texture of a labelled melodic part, by class. */
function leadTexture(rng: Rng, cls: IrmasClass, program: number): string {
  switch (cls) {
    case 'pia': return rng.weighted(['melody+lh', 'melody', 'arpeggio'], [6, 2, 2]);
    case 'org': return rng.weighted(['melody+pad', 'melody', 'block'], [5, 3, 2]);
    case 'gac': return rng.weighted(['melody', 'arpeggio', 'strum'], [4, 3.5, 2.5]);
    case 'gel': return rng.weighted(['melody', program >= 29 ? 'power' : 'strum', 'arpeggio'], [5.5, 2.5, 2]);
    default: return 'melody';
  }
}

function accompTexture(rng: Rng, cls: IrmasClass, program: number): ChordStyle {
  switch (cls) {
    case 'pia': return rng.weighted<ChordStyle>(['block', 'arpeggio'], [1, 1]);
    case 'org': return rng.weighted<ChordStyle>(['pad', 'block'], [3, 1]);
    case 'gac': return rng.weighted<ChordStyle>(['strum', 'arpeggio'], [3, 2]);
    default: return program >= 29 ? 'power' : rng.weighted<ChordStyle>(['strum', 'block', 'arpeggio'], [2, 1, 1]);
  }
}

/** An IRMAS instrument part in `role`: lead/colead carry the tune, chords/counter accompany. */
export function instrumentPart(rng: Rng, cls: IrmasClass, role: PartRole, ctx: Context): { part: PartPlan; texture: string } {
  const prof = PROFILES[cls];
  const choice = rng.weighted(prof.programs, prof.programs.map((p) => p.weight));
  let range: [number, number] = choice.range ?? prof.range;
  const labelled = role === 'lead' || role === 'colead';
  const { key, chords, grid } = ctx;
  const phraseBars = rng.pick([2, 4]);
  const barSec = grid.beat * grid.beatsPerBar;
  let notes: NoteEvent[] = [];
  const controls: ControlEvent[] = [];
  let texture: string;
  if (labelled) texture = leadTexture(rng, cls, choice.program);
  else texture = isPolyphonic(cls) && role === 'chords' ? accompTexture(rng, cls, choice.program) : 'counter';
  if (role === 'counter' && ctx.leadCenter !== undefined) {
    const mid = Math.round((range[0] + range[1]) / 2);
    range = ctx.leadCenter >= mid ? [range[0], Math.max(mid + 2, range[0] + 12)] : [Math.min(mid - 2, range[1] - 12), range[1]];
  }
  const center = (range[0] + range[1]) / 2;
  const velocity = labelled ? rng.int(82, 108) : rng.int(62, 88);
  const line = (density: number, agility: number) =>
    melodyLine(rng, key, chords, grid, {
      range, agility, density, legato: prof.legato, sustained: prof.sustained, breathes: prof.breathes, velocity, phraseBars,
    });
  let monophonic = false;
  if (texture === 'melody' || texture === 'counter' || texture.startsWith('melody+')) {
    const counter = texture === 'counter';
    notes = line(counter ? rng.range(0.05, 0.35) : rng.range(0.3, 1), counter ? prof.agility * 0.5 : prof.agility);
    monophonic = true;
    if (texture === 'melody+lh') {
      notes.push(...chordPart(rng, chords, grid, rng.pick(['block', 'arpeggio']), rng.int(48, 55), velocity - 22));
      monophonic = false;
    } else if (texture === 'melody+pad') {
      notes.push(...chordPart(rng, chords, grid, 'pad', rng.int(52, 58), velocity - 20));
      monophonic = false;
    }
  } else {
    const style = (texture === 'arpeggio' || texture === 'strum' || texture === 'power' || texture === 'block' || texture === 'pad'
      ? texture : 'block') as ChordStyle;
    notes = chordPart(rng, chords, grid, style, Math.round(center - 4), velocity);
  }
  if (monophonic && (prof.vibratoCents > 0 || prof.scoopCents > 0 || prof.bends)) {
    controls.push(...pitchCurves(rng, notes, {
      vibratoCents: prof.vibratoCents,
      vibratoRate: rng.range(4.8, 6.4),
      scoopCents: prof.bends ? 200 : prof.scoopCents,
      scoopChance: prof.bends ? 0.15 : cls === 'voi' ? 0.35 : 0.2,
      bends: prof.bends,
    }));
  }
  if (prof.sustained) controls.push(...swells(rng, grid.start, grid.end, barSec * phraseBars / 2, labelled ? 108 : 98, labelled ? 30 : 20));
  if (cls === 'pia') controls.push(...pedalling(chords));
  const pan = labelled ? 64 + rng.int(-12, 12) : 64 + rng.pick([-1, 1]) * rng.int(15, 40);
  const part: PartPlan = {
    class: cls, role, program: choice.program, drums: false, labelled, levelDb: 0,
    setup: setup(rng, ctx, pan), notes, controls,
  };
  // Sung and bowed lines glide between notes now and then (portamento on, CC5 = glide time).
  const glide = prof.glide;
  if (monophonic && glide && rng.chance(glide.chance)) part.setup.push({ cc: 65, value: 127 }, { cc: 5, value: rng.int(glide.time[0], glide.time[1]) });
  return { part, texture };
}

export function bassLine(rng: Rng, ctx: Context, groove: Groove): PartPlan {
  const style: BassStyle = groove === 'swing' ? 'walking' : groove === 'rock' ? rng.pick(['eighths', 'rootFifth']) : rng.pick(['root', 'rootFifth']);
  const program = groove === 'swing' ? rng.pick([32, 35]) : rng.pick(BASS_PROGRAMS);
  return {
    class: 'bass', role: 'bass', program, drums: false, labelled: false, levelDb: 0,
    setup: setup(rng, ctx, 64 + rng.int(-6, 6), 0.5),
    notes: bassPart(rng, ctx.chords, ctx.grid, style, rng.int(75, 100)),
    controls: [],
  };
}

export function drumKit(rng: Rng, ctx: Context, groove: Groove): PartPlan {
  const kit = groove === 'swing' ? rng.pick([32, 40]) : groove === 'ballad' ? rng.pick([0, 8, 40]) : rng.pick(DRUM_KITS.filter((k) => k !== 40));
  return {
    class: 'drums', role: 'drums', program: kit, drums: true, labelled: false, levelDb: 0,
    setup: setup(rng, ctx, 64, 0.6),
    notes: drumPart(rng, ctx.grid, groove),
    controls: [],
  };
}

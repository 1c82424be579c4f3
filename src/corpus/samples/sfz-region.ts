// Typed SFZ regions: the opcodes the sampler plays (key and velocity ranges, pitch centre and
// tuning, round robins, random layers, volume and velocity tracking, the amplitude envelope,
// loops, offset/end, triggers), read from a parsed opcode map with defaults as in SFZ v1.
import { LabError } from '../../common/errors.ts';
import type { Opcodes } from './sfz-parse.ts';

export type LoopMode = 'no_loop' | 'one_shot' | 'loop_continuous' | 'loop_sustain';

export interface SfzRegion {
  sample: string;
  lokey: number;
  hikey: number;
  pitchKeycenter: number;
  lovel: number;
  hivel: number;
  /** Round robin: position (1-based) in a cycle of seqLength notes. */
  seqLength: number;
  seqPosition: number;
  lorand: number;
  hirand: number;
  /** Cents, and semitones. */
  tune: number;
  transpose: number;
  /** dB. */
  volume: number;
  /** Percent (100: gain follows (vel/127)^2 fully; 0: velocity ignored). */
  ampVeltrack: number;
  /** Seconds, and sustain level in percent. */
  attack: number;
  hold: number;
  decay: number;
  sustain: number;
  release: number;
  loopMode: LoopMode;
  /** Sample frames (in the sample's own rate), when a loop is given. */
  loopStart?: number;
  loopEnd?: number;
  offset: number;
  end?: number;
  trigger: 'attack' | 'release' | 'first' | 'legato';
  /** False when the region needs a key switch or controller position other than the defaults. */
  activeByDefault?: boolean;
}

/** Does the region sound with every controller at its set_cc default (0) and the default key switch? */
function defaultActive(ops: Opcodes): boolean {
  for (const [k, v] of Object.entries(ops)) {
    const m = /^(lo|hi)cc(\d+)$/.exec(k);
    if (!m) continue;
    const cur = Number(ops[`set_cc${m[2]}`] ?? 0);
    if (m[1] === 'lo' ? cur < Number(v) : cur > Number(v)) return false;
  }
  if (ops.sw_last !== undefined) {
    if (ops.sw_default === undefined) return false;
    if (sfzKey(ops.sw_last) !== sfzKey(ops.sw_default)) return false;
  }
  return true;
}

const NOTE = /^([a-gA-G])([#b]?)(-?\d+)$/;
const PITCH: Record<string, number> = { c: 0, d: 2, e: 4, f: 5, g: 7, a: 9, b: 11 };

/** MIDI key from a number or an SFZ note name (c4 = 60, c#4 / db4 = 61). */
export function sfzKey(v: string, what = 'key'): number {
  if (/^-?\d+$/.test(v)) return Number(v);
  const m = NOTE.exec(v.trim());
  if (!m) throw new LabError(`sfz: ${what} "${v}" is neither a MIDI number nor a note name`);
  const acc = m[2] === '#' ? 1 : m[2] === 'b' ? -1 : 0;
  return (Number(m[3]) + 1) * 12 + PITCH[m[1].toLowerCase()] + acc;
}

function num(ops: Opcodes, keys: string[], dflt: number): number {
  for (const k of keys) {
    if (ops[k] !== undefined) {
      const x = Number(ops[k]);
      if (!Number.isFinite(x)) throw new LabError(`sfz: ${k}=${ops[k]} is not a number`);
      return x;
    }
  }
  return dflt;
}

export function toRegion(ops: Opcodes): SfzRegion {
  if (!ops.sample) throw new LabError('sfz: a region without sample=');
  const key = ops.key !== undefined ? sfzKey(ops.key) : undefined;
  const lokey = ops.lokey !== undefined ? sfzKey(ops.lokey, 'lokey') : key ?? 0;
  const hikey = ops.hikey !== undefined ? sfzKey(ops.hikey, 'hikey') : key ?? 127;
  const pitchKeycenter = ops.pitch_keycenter !== undefined ? sfzKey(ops.pitch_keycenter, 'pitch_keycenter') : key ?? 60;
  const loopStart = ops.loop_start ?? ops.loopstart;
  const loopEnd = ops.loop_end ?? ops.loopend;
  const loopMode = (ops.loop_mode ?? ops.loopmode ?? (loopStart !== undefined ? 'loop_continuous' : 'no_loop')) as LoopMode;
  if (!['no_loop', 'one_shot', 'loop_continuous', 'loop_sustain'].includes(loopMode)) throw new LabError(`sfz: unknown loop_mode ${loopMode}`);
  const trigger = (ops.trigger ?? 'attack') as SfzRegion['trigger'];
  return {
    sample: ops.sample,
    lokey, hikey, pitchKeycenter,
    lovel: num(ops, ['lovel'], 1),
    hivel: num(ops, ['hivel'], 127),
    seqLength: num(ops, ['seq_length'], 1),
    seqPosition: num(ops, ['seq_position'], 1),
    lorand: num(ops, ['lorand'], 0),
    hirand: num(ops, ['hirand'], 1),
    tune: num(ops, ['tune', 'pitch'], 0),
    transpose: num(ops, ['transpose'], 0),
    volume: num(ops, ['volume', 'gain'], 0),
    ampVeltrack: num(ops, ['amp_veltrack'], 100),
    attack: num(ops, ['ampeg_attack'], 0),
    hold: num(ops, ['ampeg_hold'], 0),
    decay: num(ops, ['ampeg_decay'], 0),
    sustain: num(ops, ['ampeg_sustain'], 100),
    release: num(ops, ['ampeg_release'], 0.001),
    loopMode,
    loopStart: loopStart !== undefined ? Number(loopStart) : undefined,
    loopEnd: loopEnd !== undefined ? Number(loopEnd) : undefined,
    offset: num(ops, ['offset'], 0),
    end: ops.end !== undefined ? Number(ops.end) : undefined,
    trigger,
    activeByDefault: defaultActive(ops),
  };
}

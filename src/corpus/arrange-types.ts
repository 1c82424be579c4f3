// The arrangement of one clip as note and controller events, before rendering.
// Times are seconds from the start of the clip; negative times fall in the pre-roll, which is
// rendered (so notes and reverb are already sounding) and then cut off.
import type { IrmasClass } from './classes.ts';
import type { CodecPlan } from './render-codec.ts';
import type { MicPlan } from './render-mic.ts';
import type { RoomPlan } from './render-room.ts';
import type { BankName, PartRole, Split } from './types.ts';

export interface NoteEvent {
  /** Onset, seconds. */
  t: number;
  /** Duration, seconds (note-off at t + d). */
  d: number;
  key: number;
  vel: number;
}

/** A controller change (cc 0..127) or a pitch-bend value (0..16383, 8192 = centre). */
export type ControlEvent = { t: number; cc: number; value: number } | { t: number; bend: number };

export interface PartPlan {
  class: IrmasClass | 'bass' | 'drums';
  role: PartRole;
  program: number;
  /** Drum kit on the percussion channel. */
  drums: boolean;
  labelled: boolean;
  /** Target RMS of the part relative to the loudest labelled part, dB (<= 0). */
  levelDb: number;
  /** Controllers set before the first event (volume, pan, reverb and chorus sends, ...). */
  setup: { cc: number; value: number }[];
  notes: NoteEvent[];
  controls: ControlEvent[];
  /** Recorded recipe: the sound source ("sf:<bank>" or "<library>:<instrument>", see sources.ts). */
  source?: string;
  /** Recorded recipe: extra detuned, delayed copies (section doubling), each relative to the part. */
  doubling?: { cents: number; delay: number; gainDb: number }[];
}

/** Settings of the clip's shared reverb and chorus. */
export interface EffectsPlan {
  reverbCharacter: number;
  reverbTime: number;
  reverbLevel: number;
  chorusMacro: number;
  chorusLevel: number;
}

export interface ClipPlan {
  id: string;
  split: Split;
  bank: BankName;
  labels: IrmasClass[];
  /** Seconds of output audio. */
  duration: number;
  /** Seconds rendered before t = 0 and discarded. */
  preroll: number;
  /** RMS of the final mix, dBFS. */
  mixDbfs: number;
  effects: EffectsPlan;
  parts: PartPlan[];
  /** Recipe 2 and 3 (recorded): room and recording chain; absent in the SoundFont recipe. */
  recipe?: number;
  room?: RoomPlan;
  mic?: MicPlan;
  /** Recipe 3, some clips: a lossy-codec round trip after everything else (render-codec.ts). */
  codec?: CodecPlan;
  /** Musical facts for the manifest (tempo, key, mode, meter, style). */
  meta: Record<string, string | number>;
}

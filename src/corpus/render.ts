// Renders a clip plan to 16 kHz mono: each part alone at 32 kHz, scaled so its RMS over the
// clip (as it will be at 16 kHz) sits at its planned level relative to the lead, mixed,
// downsampled once (band-limited), sent through one shared chorus/reverb, trimmed of the
// pre-roll and brought to the planned loudness. No Node APIs: the same code runs in a worker.
import { resample } from '../audio/resample.ts';
import { LabError } from '../common/errors.ts';
import type { ClipPlan } from './arrange-types.ts';
import type { LoadedBank } from './bank.ts';
import { effectsReturn } from './render-fx.ts';
import { rmsAfterDecimation } from './render-level.ts';
import { renderPart, type PartAudio } from './render-part.ts';
import { applyMic } from './render-mic.ts';
import { convolve, roomImpulse } from './render-room.ts';
import { renderSampledPart, type SampledInstrument } from './samples/sampler.ts';
import { isSoundFontSource, soundFontOf } from './sources.ts';
import { deriveSeed } from './prng.ts';
import { CORPUS_SAMPLE_RATE, type BankName, type PartRecord } from './types.ts';

/** What a recorded-recipe clip plays from: SoundFont banks and sampled instruments, loaded. */
export interface ClipSources {
  banks: ReadonlyMap<BankName, LoadedBank>;
  instruments: ReadonlyMap<string, SampledInstrument>;
  /** The sample set of a sampled instrument, for the manifest. */
  sampleSet?: (instrumentId: string) => string | undefined;
}

/** The banks and sampled instruments a plan needs loaded before renderClip. */
export function sourcesNeeded(plan: ClipPlan): { banks: BankName[]; instruments: string[] } {
  const banks = new Set<BankName>([plan.bank]);
  const instruments = new Set<string>();
  for (const p of plan.parts) {
    if (!p.source) continue;
    if (isSoundFontSource(p.source)) banks.add(soundFontOf(p.source));
    else instruments.add(p.source);
  }
  return { banks: [...banks], instruments: [...instruments] };
}

function isLoadedBank(x: LoadedBank | ClipSources): x is LoadedBank {
  return !('banks' in x);
}

/** Synthesis rate: exactly twice the output rate (the level estimate relies on it). */
export const SYNTH_RATE = 2 * CORPUS_SAMPLE_RATE;

export interface RenderOptions {
  /** Measure each part's dry RMS exactly at 16 kHz (one extra downsampling per part). */
  measureParts?: boolean;
  /** Also return every part's own signal (dry plus its own effects return) as mixed. Slowest. */
  keepParts?: boolean;
}

export interface RenderedPart extends PartRecord {
  /** With measureParts or keepParts: RMS of the part's dry signal at 16 kHz relative to the lead's, dB. */
  measuredDb?: number;
  /** With keepParts: the part's contribution to `samples` (dry + its share of the effects). */
  signal?: Float32Array;
}

export interface RenderedClip {
  id: string;
  /** 16 kHz mono, the final clip. */
  samples: Float32Array;
  parts: RenderedPart[];
  /** RMS of `samples`, dBFS, and its peak. */
  rmsDbfs: number;
  peak: number;
}

const PEAK_LIMIT = 0.97;

export function rms(x: Float32Array, from = 0, to = x.length): number {
  let s = 0;
  for (let i = from; i < to; i++) s += x[i] * x[i];
  return Math.sqrt(s / Math.max(1, to - from));
}

const db = (x: number) => 20 * Math.log10(x);

function isSilent(x: Float32Array): boolean {
  for (let i = 0; i < x.length; i++) if (x[i] !== 0) return false;
  return true;
}

function weightedSum(items: { gain: number; x: Float32Array }[], n: number): Float32Array {
  const out = new Float32Array(n);
  for (const { gain, x } of items) for (let i = 0; i < n; i++) out[i] += gain * x[i];
  return out;
}

export function renderClip(plan: ClipPlan, playFrom: LoadedBank | ClipSources, opts: RenderOptions = {}): RenderedClip {
  const sources: ClipSources = isLoadedBank(playFrom) ? { banks: new Map([[playFrom.name, playFrom]]), instruments: new Map() } : playFrom;
  const bank = sources.banks.get(plan.bank);
  if (!bank) throw new LabError(`clip ${plan.id} is planned for bank ${plan.bank}, got ${[...sources.banks.keys()].join(', ') || 'none'}`);
  const bankOf = (name: BankName) => {
    const b = sources.banks.get(name);
    if (!b) throw new LabError(`clip ${plan.id}: sound bank ${name} was not loaded`);
    return b;
  };
  const recorded = (plan.recipe ?? 1) >= 2;
  const out = CORPUS_SAMPLE_RATE;
  const nSynth = 2 * Math.round((plan.preroll + plan.duration) * out);
  const n = nSynth / 2;
  const from = Math.round(plan.preroll * out);
  const to = from + Math.round(plan.duration * out);
  const down = (x: Float32Array) => resample(x, SYNTH_RATE, out).subarray(0, n);
  // 1. Each part alone; its gain puts its clip-window RMS at 16 kHz at the planned level.
  const rendered = plan.parts.map((part, pi) => {
    const audio = renderAnyPart(plan, part, pi, sources, bankOf, nSynth);
    const level = rmsAfterDecimation(audio.dry, from, to);
    if (!(level > 1e-7)) {
      throw new LabError(`clip ${plan.id}: part ${part.class} (program ${part.program}) is silent in ${part.source ?? `bank ${plan.bank}`}`);
    }
    return { part, audio, gain: 10 ** (part.levelDb / 20) / level };
  });
  // 2. Dry mix and summed sends at 32 kHz, one downsampling each, then the effects bus.
  const sum = (pick: (a: PartAudio) => Float32Array) => weightedSum(rendered.map((r) => ({ gain: r.gain, x: pick(r.audio) })), nSynth);
  let mix = down(sum((a) => a.dry));
  if (recorded && plan.room && plan.mic) {
    // Recorded recipe: the whole band in one room, then the microphone and recording chain.
    mix = convolve(mix, roomImpulse(plan.room, out));
    applyMic(mix, plan.mic, out);
  } else {
    const choSend = sum((a) => a.chorusSend);
    const wet = effectsReturn(down(sum((a) => a.reverbSend)), isSilent(choSend) ? undefined : down(choSend), plan.effects, out);
    for (let i = 0; i < n; i++) mix[i] += wet[i];
  }
  // 3. Trim the pre-roll and set the loudness, keeping the peak below the limit.
  const clip = mix.slice(from, to);
  let scale = 10 ** (plan.mixDbfs / 20) / Math.max(1e-9, rms(clip));
  let peak = 0;
  for (let i = 0; i < clip.length; i++) peak = Math.max(peak, Math.abs(clip[i]));
  if (peak * scale > PEAK_LIMIT) scale = PEAK_LIMIT / peak;
  for (let i = 0; i < clip.length; i++) clip[i] *= scale;
  const parts: RenderedPart[] = rendered.map((r) => {
    const src = r.part.source;
    const sampled = src !== undefined && !isSoundFontSource(src);
    const sfBank = src !== undefined && !sampled ? bankOf(soundFontOf(src)) : bank;
    const rec: RenderedPart = {
      class: r.part.class,
      role: r.part.role,
      program: r.part.program,
      preset: sampled ? src : sfBank.presetName(r.part.program, r.part.drums),
      gainDb: Math.round(r.part.levelDb * 100) / 100,
      labelled: r.part.labelled,
    };
    if (src !== undefined) {
      rec.source = sampled ? src.split(':')[0] : src;
      rec.instrument = sampled ? src : rec.preset;
      rec.sampleSet = sampled ? sources.sampleSet?.(src) : `GM program ${r.part.program}${r.part.drums ? ' (drum kit)' : ''}`;
      if (r.part.doubling?.length) rec.sampleSet = `${rec.sampleSet ?? ''}; doubled x${r.part.doubling.length + 1}`;
    }
    return rec;
  });
  if ((opts.measureParts || opts.keepParts) && recorded) {
    // Recorded recipe: the room and mic act on the mix, so parts are measured dry only.
    const dryLevels = rendered.map((r) => rms(down(r.audio.dry.map((v) => v * r.gain * scale)).slice(from, to)));
    parts.forEach((p, i) => (p.measuredDb = db(dryLevels[i] / dryLevels[0])));
  } else if (opts.measureParts || opts.keepParts) {
    const dryLevels = rendered.map((r, i) => {
      const dry = down(r.audio.dry.map((v) => v * r.gain * scale)).slice(from, to);
      if (opts.keepParts) {
        const rev = down(r.audio.reverbSend.map((v) => v * r.gain * scale));
        const cho = r.audio.chorusSend.map((v) => v * r.gain * scale);
        const own = effectsReturn(rev, isSilent(cho) ? undefined : down(cho), plan.effects, out).subarray(from, to);
        parts[i].signal = dry.map((v, k) => v + own[k]);
      }
      return rms(dry);
    });
    parts.forEach((p, i) => (p.measuredDb = db(dryLevels[i] / dryLevels[0])));
  }
  return { id: plan.id, samples: clip, parts, rmsDbfs: db(rms(clip)), peak: peak * scale };
}

/** One part's audio at the synth rate, from a SoundFont bank or a sampled instrument (with its doublings). */
function renderAnyPart(plan: ClipPlan, part: ClipPlan['parts'][number], index: number, sources: ClipSources, bankOf: (b: BankName) => LoadedBank, nSynth: number): PartAudio {
  if (part.source === undefined) return renderPart(part, bankOf(plan.bank), SYNTH_RATE, plan.preroll, nSynth);
  if (isSoundFontSource(part.source)) return renderPart(part, bankOf(soundFontOf(part.source)), SYNTH_RATE, plan.preroll, nSynth);
  const inst = sources.instruments.get(part.source);
  if (!inst) throw new LabError(`clip ${plan.id}: sampled instrument ${part.source} was not loaded`);
  const seed = deriveSeed(plan.room?.seed ?? 0, plan.id, index);
  const audio = renderSampledPart(part, inst, SYNTH_RATE, plan.preroll, nSynth, seed);
  (part.doubling ?? []).forEach((d, k) => {
    const copy = renderSampledPart(part, inst, SYNTH_RATE, plan.preroll + d.delay, nSynth, deriveSeed(seed, k + 1), d.cents);
    const g = 10 ** (d.gainDb / 20);
    for (let i = 0; i < nSynth; i++) {
      audio.dry[i] += g * copy.dry[i];
      audio.reverbSend[i] += g * copy.reverbSend[i];
      audio.chorusSend[i] += g * copy.chorusSend[i];
    }
  });
  return audio;
}

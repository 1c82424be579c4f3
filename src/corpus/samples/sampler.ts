// Plays one arranged part (notes, pitch bends, CC7/CC11 swells, CC64 pedal, CC91/CC93 sends)
// on a sampled instrument: per note, the region matching key, velocity, round robin and random
// layer (nearest key when none covers it), resampled to pitch (linear interpolation) with the
// bend applied per block, SFZ amplitude envelope, loops, release triggers. Deterministic: the
// only randomness (lorand/hirand layers) comes from a seeded generator. No Node APIs.
import type { PartPlan } from '../arrange-types.ts';
import { Rng } from '../prng.ts';
import type { PartAudio } from '../render-part.ts';
import type { SfzRegion } from './sfz-region.ts';

export interface SampleData {
  rate: number;
  data: Float32Array;
}

export interface SampledInstrument {
  id: string;
  regions: SfzRegion[];
  /** Decoded audio per region `sample` path. */
  samples: ReadonlyMap<string, SampleData>;
}

const BLOCK = 32;
const END_FADE_SEC = 0.004;

interface ControlTrack {
  /** Per block: combined CC7 * CC11 gain, bend in semitones, sends 0..1. */
  gain: Float32Array;
  bend: Float32Array;
  reverb: Float32Array;
  chorus: Float32Array;
  /** Sample positions where the sustain pedal goes down / up. */
  pedal: { at: number; down: boolean }[];
}

function controlTrack(part: PartPlan, rate: number, offsetSec: number, n: number): ControlTrack {
  const blocks = Math.ceil(n / BLOCK);
  const st = { vol: 100, expr: 127, bend: 8192, range: 2, rev: 40, cho: 0, rpn: [127, 127] };
  const apply = (cc: number, v: number) => {
    if (cc === 7) st.vol = v;
    else if (cc === 11) st.expr = v;
    else if (cc === 91) st.rev = v;
    else if (cc === 93) st.cho = v;
    else if (cc === 101) st.rpn[0] = v;
    else if (cc === 100) st.rpn[1] = v;
    else if (cc === 6 && st.rpn[0] === 0 && st.rpn[1] === 0) st.range = v;
  };
  for (const s of part.setup) apply(s.cc, s.value);
  const events = part.controls
    .map((c, i) => ({ c, i, at: Math.max(0, Math.round((c.t + offsetSec) * rate)) }))
    .sort((a, b) => a.at - b.at || a.i - b.i);
  const out: ControlTrack = {
    gain: new Float32Array(blocks), bend: new Float32Array(blocks),
    reverb: new Float32Array(blocks), chorus: new Float32Array(blocks), pedal: [],
  };
  let e = 0;
  for (let b = 0; b < blocks; b++) {
    const t = b * BLOCK;
    while (e < events.length && events[e].at <= t) {
      const { c, at } = events[e++];
      if ('bend' in c) st.bend = c.bend;
      else if (c.cc === 64) out.pedal.push({ at, down: c.value >= 64 });
      else apply(c.cc, c.value);
    }
    out.gain[b] = (st.vol / 127) ** 2 * (st.expr / 127) ** 2;
    out.bend[b] = ((st.bend - 8192) / 8192) * st.range;
    out.reverb[b] = st.rev / 127;
    out.chorus[b] = st.cho / 127;
  }
  for (; e < events.length; e++) {
    const { c, at } = events[e];
    if (!('bend' in c) && c.cc === 64) out.pedal.push({ at, down: c.value >= 64 });
  }
  return out;
}

/** Where a note's release starts once the sustain pedal is taken into account. */
function releaseAt(off: number, pedal: ControlTrack['pedal']): number {
  let down = false;
  for (const p of pedal) {
    if (p.at > off) return down && !p.down ? p.at : off;
    down = p.down;
  }
  return off;
}

/** Region for a note: key, velocity, trigger, round robin and random layer; nearest key as fallback. */
export function pickRegion(regions: SfzRegion[], key: number, vel: number, trigger: 'attack' | 'release', rr: number, rand: number): SfzRegion | undefined {
  const trig = (r: SfzRegion) => (trigger === 'release' ? r.trigger === 'release' : r.trigger !== 'release');
  const layer = (r: SfzRegion) => vel >= r.lovel && vel <= r.hivel && rand >= r.lorand && rand < r.hirand;
  const seq = (r: SfzRegion) => r.seqLength <= 1 || (rr % r.seqLength) + 1 === r.seqPosition;
  let cands = regions.filter((r) => trig(r) && key >= r.lokey && key <= r.hikey && layer(r));
  if (cands.length === 0 && trigger === 'release') return undefined;
  if (cands.length === 0) {
    // Out of the instrument's mapped range: the nearest region(s), transposed.
    const pool = regions.filter((r) => trig(r) && layer(r));
    const dist = (r: SfzRegion) => (key < r.lokey ? r.lokey - key : key > r.hikey ? key - r.hikey : 0);
    const best = Math.min(...pool.map(dist));
    cands = pool.filter((r) => dist(r) === best);
  }
  const inSeq = cands.filter(seq);
  return (inSeq.length > 0 ? inSeq : cands)[0];
}

function velocityGain(r: SfzRegion, vel: number): number {
  const vt = r.ampVeltrack / 100;
  return 1 - vt + vt * (vel / 127) ** 2;
}

/** Adds one voice into `dry` and the sends; returns nothing (the arrays are the output). */
function playVoice(
  r: SfzRegion, s: SampleData, key: number, vel: number, on: number, rel: number,
  rate: number, ct: ControlTrack, dry: Float32Array, rev: Float32Array, cho: Float32Array,
): void {
  const n = dry.length;
  const data = s.data;
  const last = Math.min(data.length, r.end !== undefined ? r.end + 1 : data.length);
  const baseRatio = (s.rate / rate) * 2 ** ((key - r.pitchKeycenter + r.transpose + r.tune / 100) / 12);
  const amp = 10 ** (r.volume / 20) * velocityGain(r, vel);
  const loop = (r.loopMode === 'loop_continuous' || r.loopMode === 'loop_sustain') && r.loopStart !== undefined && r.loopEnd !== undefined && r.loopEnd > r.loopStart + 16
    ? { start: r.loopStart, end: Math.min(r.loopEnd, last - 1) } : undefined;
  const oneShot = r.loopMode === 'one_shot';
  const att = Math.max(1, Math.round(r.attack * rate));
  const hold = Math.round(r.hold * rate);
  const dec = Math.max(1, Math.round(r.decay * rate));
  const sus = Math.max(0, Math.min(1, r.sustain / 100));
  const relLen = Math.max(1, Math.round(Math.max(0.005, r.release) * rate));
  const relK = Math.log(1000) / relLen; // -60 dB at the end of the release
  const fadeLen = Math.round(END_FADE_SEC * s.rate);
  let pos = r.offset;
  let envAtRelease = -1;
  for (let i = on; i < n; i++) {
    const k = i - on;
    // Envelope.
    let env: number;
    if (k < att) env = k / att;
    else if (k < att + hold) env = 1;
    else if (k < att + hold + dec) env = 1 - (1 - sus) * ((k - att - hold) / dec);
    else env = sus;
    if (!oneShot && i >= rel) {
      if (envAtRelease < 0) envAtRelease = env;
      const j = i - rel;
      if (j >= relLen) break;
      env = envAtRelease * Math.exp(-relK * j);
    }
    // Sample position and end of data.
    if (loop && pos >= loop.end && (r.loopMode === 'loop_continuous' || i < rel)) pos -= loop.end - loop.start;
    if (pos >= last - 1) break;
    const p0 = Math.floor(pos);
    const f = pos - p0;
    let x = data[p0] + f * (data[p0 + 1] - data[p0]);
    if (!loop && pos > last - 1 - fadeLen) x *= (last - 1 - pos) / fadeLen;
    const b = (i / BLOCK) | 0;
    const y = x * env * amp * ct.gain[b];
    dry[i] += y;
    rev[i] += y * ct.reverb[b];
    cho[i] += y * ct.chorus[b];
    pos += baseRatio * (ct.bend[b] === 0 ? 1 : 2 ** (ct.bend[b] / 12));
  }
}

/** Renders `n` samples of `part` at `rate`; the part's time 0 sits at offsetSec * rate. */
export function renderSampledPart(part: PartPlan, inst: SampledInstrument, rate: number, offsetSec: number, n: number, seed: number, tuneCents = 0): PartAudio {
  const dry = new Float32Array(n);
  const reverbSend = new Float32Array(n);
  const chorusSend = new Float32Array(n);
  const ct = controlTrack(part, rate, offsetSec, n);
  const rng = new Rng(seed);
  const rrByKey = new Map<number, number>();
  const notes = part.notes
    .map((nt, i) => ({ nt, i, on: Math.max(0, Math.round((nt.t + offsetSec) * rate)), off: Math.round((nt.t + nt.d + offsetSec) * rate) }))
    .filter((x) => x.on < n && x.off > x.on)
    .sort((a, b) => a.on - b.on || a.i - b.i);
  const sample = (r: SfzRegion): SampleData | undefined => inst.samples.get(r.sample);
  for (const { nt, on, off } of notes) {
    const rr = rrByKey.get(nt.key) ?? 0;
    rrByKey.set(nt.key, rr + 1);
    const rand = rng.next();
    const r = pickRegion(inst.regions, nt.key, nt.vel, 'attack', rr, rand);
    if (!r) continue;
    const s = sample(r);
    if (!s) continue;
    const rel = releaseAt(off, ct.pedal);
    playVoice(r, s, nt.key + tuneCents / 100, nt.vel, on, rel, rate, ct, dry, reverbSend, chorusSend);
    const rr2 = pickRegion(inst.regions, nt.key, nt.vel, 'release', rr, rand);
    const s2 = rr2 && sample(rr2);
    if (rr2 && s2 && rel < n) playVoice(rr2, s2, nt.key, nt.vel, rel, n, rate, ct, dry, reverbSend, chorusSend);
  }
  return { dry, reverbSend, chorusSend };
}

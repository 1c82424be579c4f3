// A quick stand-in for a rendered corpus, for tests and for a lab with no corpus rendered yet:
// the same plan as a preset (clip ids, splits, labels, durations from planCorpus), but each clip
// is synthesised from additive tones in a few milliseconds instead of rendered from SoundFont
// samples. Every class has its own timbre (harmonic profile, register, envelope, vibrato), so
// the classes are learnable, but this is NOT the IRMAS-like corpus: figures made on it say
// "synthetic tones". Deterministic from preset + seed. Browser- and Node-safe (no I/O).
import { IRMAS_CLASSES, type IrmasClass } from './classes.ts';
import { getPreset, planCorpus } from './plan.ts';
import { deriveSeed, Rng } from './prng.ts';
import type { Split } from './types.ts';

export const TONES_SAMPLE_RATE = 16000;

export interface ToneClip {
  id: string;
  split: Split;
  labels: IrmasClass[];
  duration: number;
  /** 16 kHz mono samples, made on first call and not kept. */
  read(): Promise<Float32Array>;
}

export interface ToneCorpus {
  /** e.g. "tones-tiny-seed1". */
  id: string;
  preset: string;
  seed: number;
  classes: readonly IrmasClass[];
  clips: ToneClip[];
}

interface Timbre {
  /** MIDI pitch range of the melody. */
  low: number;
  high: number;
  /** Amplitude of harmonic n (1-based). */
  harmonic(n: number): number;
  /** Envelope over a note: t seconds into a note of length len. */
  envelope(t: number, len: number): number;
  vibratoHz: number;
  vibratoDepth: number;
  /** Hard clipping drive (electric guitar), 0 for none. */
  drive: number;
  /** Breath noise level (flute, voice). */
  noise: number;
}

const decay = (rate: number) => (t: number) => Math.exp(-rate * t) * Math.min(1, t / 0.005);
const sustain = (attack: number) => (t: number, len: number) => Math.min(1, t / attack) * Math.min(1, Math.max(0, (len - t) / 0.03));
const formant = (n: number, f0: number, peaks: number[]) =>
  peaks.reduce((a, p) => a + Math.exp(-(((n * f0 - p) / 180) ** 2)), 0.02);

const TIMBRES: Record<IrmasClass, Timbre> = {
  cel: { low: 36, high: 60, harmonic: (n) => 1 / n, envelope: sustain(0.08), vibratoHz: 5, vibratoDepth: 0.004, drive: 0, noise: 0 },
  cla: { low: 50, high: 74, harmonic: (n) => (n % 2 ? 1 / n : 0.05 / n), envelope: sustain(0.04), vibratoHz: 0, vibratoDepth: 0, drive: 0, noise: 0.002 },
  flu: { low: 72, high: 93, harmonic: (n) => (n === 1 ? 1 : 0.12 / n ** 2), envelope: sustain(0.06), vibratoHz: 5, vibratoDepth: 0.003, drive: 0, noise: 0.02 },
  gac: { low: 45, high: 72, harmonic: (n) => 1 / n ** 1.5, envelope: decay(4), vibratoHz: 0, vibratoDepth: 0, drive: 0, noise: 0 },
  gel: { low: 45, high: 76, harmonic: (n) => 1 / n, envelope: decay(1.2), vibratoHz: 0, vibratoDepth: 0, drive: 4, noise: 0 },
  org: { low: 48, high: 79, harmonic: (n) => ([1, 2, 4, 8].includes(n) ? 1 / Math.sqrt(n) : 0), envelope: sustain(0.01), vibratoHz: 0, vibratoDepth: 0, drive: 0, noise: 0 },
  pia: { low: 48, high: 84, harmonic: (n) => 1 / n ** 2, envelope: decay(2.5), vibratoHz: 0, vibratoDepth: 0, drive: 0, noise: 0 },
  sax: { low: 49, high: 75, harmonic: (n) => 1 / n ** 0.8, envelope: sustain(0.05), vibratoHz: 5.5, vibratoDepth: 0.005, drive: 0.8, noise: 0.004 },
  tru: { low: 55, high: 82, harmonic: (n) => (n < 3 ? 0.5 : 1) / n ** 0.6, envelope: sustain(0.03), vibratoHz: 0, vibratoDepth: 0, drive: 0, noise: 0 },
  vio: { low: 55, high: 91, harmonic: (n) => 1 / n, envelope: sustain(0.1), vibratoHz: 6.5, vibratoDepth: 0.008, drive: 0, noise: 0 },
  voi: { low: 48, high: 72, harmonic: () => 1, envelope: sustain(0.12), vibratoHz: 5, vibratoDepth: 0.01, drive: 0, noise: 0.01 },
};

const VOWELS = [[730, 1090, 2440], [270, 2290, 3010], [300, 870, 2240], [530, 1840, 2480]];
const midiHz = (m: number) => 440 * 2 ** ((m - 69) / 12);

/** Adds one class's melody at `gain` into `out`. */
function addPart(out: Float32Array, cls: IrmasClass, gain: number, rng: Rng): void {
  const tb = TIMBRES[cls];
  const sr = TONES_SAMPLE_RATE;
  const vowel = rng.pick(VOWELS);
  let start = 0;
  const part = new Float32Array(out.length);
  while (start < out.length) {
    const len = Math.round(rng.range(0.2, 0.6) * sr);
    const f0 = midiHz(rng.int(tb.low, tb.high));
    const harmonics = Math.max(1, Math.min(16, Math.floor(7600 / f0)));
    const amps = Array.from({ length: harmonics }, (_, i) => (cls === 'voi' ? formant(i + 1, f0, vowel) : tb.harmonic(i + 1)));
    const phases = amps.map(() => rng.range(0, 2 * Math.PI));
    const end = Math.min(out.length, start + len);
    let phase = 0;
    for (let i = start; i < end; i++) {
      const t = (i - start) / sr;
      const f = f0 * (1 + tb.vibratoDepth * Math.sin(2 * Math.PI * tb.vibratoHz * t));
      phase += (2 * Math.PI * f) / sr;
      let v = 0;
      for (let h = 0; h < harmonics; h++) if (amps[h] !== 0) v += amps[h] * Math.sin((h + 1) * phase + phases[h]);
      if (tb.drive > 0) v = Math.tanh(tb.drive * v);
      if (tb.noise > 0) v += tb.noise * 20 * (rng.next() - 0.5);
      part[i] = v * tb.envelope(t, len / sr);
    }
    start = end + (rng.chance(0.2) ? Math.round(0.1 * sr) : 0);
  }
  let peak = 0;
  for (const v of part) peak = Math.max(peak, Math.abs(v));
  const k = peak > 0 ? gain / peak : 0;
  for (let i = 0; i < out.length; i++) out[i] += part[i] * k;
}

/** One clip's samples: labelled parts at equal level, plus (training clips) one quieter other class. */
export function synthesiseToneClip(labels: readonly IrmasClass[], duration: number, split: Split, seed: number): Float32Array {
  const rng = new Rng(seed);
  const out = new Float32Array(Math.round(duration * TONES_SAMPLE_RATE));
  for (const cls of labels) addPart(out, cls, 0.3, rng);
  if (split !== 'test') {
    const others = IRMAS_CLASSES.filter((c) => !labels.includes(c));
    addPart(out, rng.pick(others), 0.3 * 10 ** (-rng.range(8, 14) / 20), rng);
  }
  let peak = 0;
  for (const v of out) peak = Math.max(peak, Math.abs(v));
  if (peak > 0.95) for (let i = 0; i < out.length; i++) out[i] *= 0.95 / peak;
  return out;
}

/** The tone corpus for a preset's plan (tiny, small, full) and seed. */
export function toneCorpus(preset: string, seed: number): ToneCorpus {
  const specs = planCorpus(getPreset(preset), seed).filter((s) => !s.multi); // single-label training, as by default
  return {
    id: `tones-${preset}-seed${seed}`,
    preset,
    seed,
    classes: IRMAS_CLASSES,
    clips: specs.map((s) => ({
      id: s.id, split: s.split, labels: [...s.labels], duration: s.duration,
      read: async () => synthesiseToneClip(s.labels, s.duration, s.split, deriveSeed(seed, 'tones', s.id)),
    })),
  };
}

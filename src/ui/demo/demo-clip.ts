// The built-in demo clip, synthesised in code (nothing committed): 4 s of stereo 44.1 kHz audio,
// a chord of three voices with vibrato moving A major -> D major -> E major, harmonics falling
// off, soft attack and release, each voice panned differently, and a soft noise tick every
// half second so the upper bands are not empty. Encoded as a 16-bit WAV so it
// takes the same decode -> resample -> mel path as any upload.
import { encodeWav } from '../../audio/wav-encode.ts';

export const DEMO_FILE_NAME = 'demo-chords.wav';
export const DEMO_SAMPLE_RATE = 44100;
export const DEMO_SECONDS = 4;

const CHORDS_HZ = [
  [220.0, 277.18, 329.63],
  [293.66, 369.99, 440.0],
  [329.63, 415.3, 493.88],
];
const HARMONICS = [1, 0.45, 0.25, 0.12];

export function synthesiseDemo(rate = DEMO_SAMPLE_RATE, seconds = DEMO_SECONDS): Float32Array[] {
  const n = Math.round(rate * seconds);
  const left = new Float32Array(n);
  const right = new Float32Array(n);
  const chordLen = seconds / CHORDS_HZ.length;
  CHORDS_HZ.forEach((chord, c) => {
    const start = Math.round(c * chordLen * rate);
    const end = Math.round((c + 1) * chordLen * rate);
    chord.forEach((f0, v) => {
      const pan = 0.25 + 0.25 * v;
      let phase = 0;
      for (let i = start; i < end; i++) {
        const t = (i - start) / rate;
        const vibrato = 1 + 0.006 * Math.sin(2 * Math.PI * 5.5 * t + v);
        phase += (2 * Math.PI * f0 * vibrato) / rate;
        const env = Math.min(1, t / 0.05) * Math.min(1, (end - i) / rate / 0.15);
        let s = 0;
        HARMONICS.forEach((a, h) => (s += a * Math.sin((h + 1) * phase)));
        s *= 0.12 * env;
        left[i] += s * (1 - pan);
        right[i] += s * pan;
      }
    });
  });
  addTicks(left, right, rate);
  return [left, right];
}

/** Short decaying noise bursts (a hi-hat-like tick) every 0.5 s, from a fixed-seed generator. */
function addTicks(left: Float32Array, right: Float32Array, rate: number): void {
  let seed = 12345;
  const every = Math.round(rate / 2);
  const len = Math.round(rate * 0.06);
  let prev = 0;
  for (let start = Math.round(rate * 0.25); start + len < left.length; start += every) {
    for (let i = 0; i < len; i++) {
      seed = (Math.imul(seed, 1664525) + 1013904223) >>> 0;
      const white = seed / 2 ** 31 - 1;
      const bright = white - prev; // first difference: tilts the noise towards high frequencies
      prev = white;
      const s = 0.05 * bright * Math.exp(-i / (rate * 0.012));
      left[start + i] += s;
      right[start + i] += s;
    }
  }
}

/** The demo clip as WAV bytes (about 700 KB, made in ~50 ms). */
export function demoWavBytes(): Uint8Array {
  return encodeWav(synthesiseDemo(), DEMO_SAMPLE_RATE);
}

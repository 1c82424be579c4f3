// Test helpers for features, sweep and recognition: synthetic 16 kHz clips (tones with a
// class-dependent pitch, so tiny probes have something to learn) and in-memory clip inputs.
import type { LabelledClip } from './dataset.ts';

/** A tone of `seconds` at `hz` with a little seeded noise, 16 kHz. */
export function toneClip(seconds: number, hz: number, seed = 1): Float32Array {
  const n = Math.round(seconds * 16000);
  const out = new Float32Array(n);
  let s = seed >>> 0;
  for (let i = 0; i < n; i++) {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    out[i] = 0.3 * Math.sin((2 * Math.PI * hz * i) / 16000) + 0.01 * (s / 2 ** 31 - 1);
  }
  return out;
}

/** In-memory labelled clips; `reads` counts how often each clip was read. */
export function memoryClips(specs: { id: string; labels: string[]; samples: Float32Array }[]): { clips: LabelledClip[]; reads: Map<string, number> } {
  const reads = new Map<string, number>();
  const clips = specs.map((s) => ({
    id: s.id,
    labels: s.labels,
    read: async () => {
      reads.set(s.id, (reads.get(s.id) ?? 0) + 1);
      return s.samples;
    },
  }));
  return { clips, reads };
}

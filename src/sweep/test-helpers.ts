// Test helpers for the sweep: a small in-memory corpus of tones (one pitch per class; test clips
// mix 1-2 classes), fast enough for unit tests on a tiny U-Net.
import { toneClip } from '../features/test-helpers.ts';
import type { SweepClip, SweepCorpus } from './types.ts';

const PITCH: Record<string, number> = { flu: 1320, pia: 262, vio: 660 };

function mix(labels: string[], seconds: number, seed: number): Float32Array {
  const parts = labels.map((l, i) => toneClip(seconds, PITCH[l], seed + i));
  const out = new Float32Array(parts[0].length);
  for (const p of parts) for (let i = 0; i < out.length; i++) out[i] += p[i] / parts.length;
  return out;
}

export function toneCorpus(): SweepCorpus {
  const classes = ['flu', 'pia', 'vio'];
  const clips: SweepClip[] = [];
  const add = (id: string, split: SweepClip['split'], labels: string[], seconds: number, seed: number) => {
    const samples = mix(labels, seconds, seed);
    clips.push({ id, split, labels, read: async () => samples });
  };
  classes.forEach((c, ci) => {
    for (let i = 0; i < 3; i++) add(`train-${c}-${i}`, 'train', [c], 3, 10 * ci + i);
    add(`validation-${c}`, 'validation', [c], 3, 100 + ci);
  });
  add('test-1', 'test', ['flu'], 5, 200);
  add('test-2', 'test', ['pia', 'vio'], 5, 201);
  add('test-3', 'test', ['vio'], 4, 202);
  return { id: 'tones-v1', info: { kind: 'test tones' }, classes, clips };
}

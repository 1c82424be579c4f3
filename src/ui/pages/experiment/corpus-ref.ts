// Corpus choices of the experiment pages as <select> values and back: "tones:<preset>:<seed>"
// (the synthetic stand-in, src/corpus/synthetic-tones.ts) and "stored:<id>" (a corpus the Data
// page rendered or imported into IndexedDB).
import type { CorpusRef } from '../../../compute/messages/lab-common.ts';

export const DEFAULT_CORPUS_VALUE = 'tones:tiny:1';

export function corpusValue(ref: CorpusRef): string {
  return ref.kind === 'tones' ? `tones:${ref.preset}:${ref.seed}` : `stored:${ref.id}`;
}

export function corpusFromValue(value: string): CorpusRef | null {
  const tones = /^tones:([a-z]+):(\d+)$/.exec(value);
  if (tones) return { kind: 'tones', preset: tones[1], seed: Number(tones[2]) };
  if (value.startsWith('stored:') && value.length > 'stored:'.length) return { kind: 'stored', id: value.slice('stored:'.length) };
  return null;
}

export function corpusLabel(ref: CorpusRef, facts?: { clips?: number; source?: string }): string {
  if (ref.kind === 'tones') return `Synthetic tones, ${ref.preset} plan (seed ${ref.seed}); quick test data, not IRMAS`;
  const n = facts?.clips !== undefined ? `, ${facts.clips} clips` : '';
  return `${ref.id} (${facts?.source ?? 'stored'}${n})`;
}

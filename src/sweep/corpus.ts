// Corpus helpers shared by every sweep host: a class-balanced subset of each split
// (--max-clips) and a stable id of a manifest's content.
import type { SweepClip } from './types.ts';

/**
 * At most `max` clips per split, taken round-robin over the clips' first labels in manifest
 * order, so a subset keeps every class it can.
 */
export function limitClips<C extends SweepClip>(clips: readonly C[], max: number | undefined): C[] {
  if (max === undefined) return [...clips];
  const out: C[] = [];
  for (const split of ['train', 'validation', 'test'] as const) {
    const groups = new Map<string, C[]>();
    for (const c of clips.filter((x) => x.split === split)) {
      const k = c.labels[0] ?? '';
      groups.set(k, [...(groups.get(k) ?? []), c]);
    }
    const lists = [...groups.values()];
    const picked = new Set<C>();
    for (let i = 0; picked.size < max && lists.some((l) => l.length > i); i++) {
      for (const l of lists) if (l[i] && picked.size < max) picked.add(l[i]);
    }
    out.push(...clips.filter((c) => picked.has(c)));
  }
  return out;
}

export { contentId } from '../corpus/content-id.ts';

// A corpus's identity by content: 12 hex digits of a hash over clip ids, splits, labels and audio
// checksums, and the id the sweep, the probes and the Han CNN record ("rendered-small-seed1-
// a0efb453e564"): the same audio gives the same id in any folder, on any machine.
import { hashJson } from '../features/hash.ts';
import type { CorpusManifest } from './types.ts';

export async function contentId(clips: readonly { id: string; split: string; labels: readonly string[]; checksum?: string; file?: string }[]): Promise<string> {
  const h = await hashJson(clips.map((c) => [c.id, c.split, c.labels, c.checksum ?? c.file ?? '']));
  return h.slice(0, 12);
}

/** The corpus's id, `<source>-<preset or folder name>[-seed<N>]-<contentId>`, and its contentId (one hash). */
export async function corpusIdentity(manifest: CorpusManifest, folderName: string): Promise<{ id: string; contentId: string }> {
  const name = manifest.preset ?? folderName;
  const content = await contentId(manifest.clips);
  return { id: `${manifest.source}-${name}${manifest.seed !== undefined ? `-seed${manifest.seed}` : ''}-${content}`, contentId: content };
}

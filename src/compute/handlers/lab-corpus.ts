// Worker-side corpus opening for the experiment's requests: a CorpusRef -> a SweepCorpus (clips
// with splits and labels, read on demand), optionally cut to a class-balanced subset per split.
// The last few corpora are kept, so their clip objects (and the content hashes the feature
// extractor remembers for them) survive between requests: a cache hit then reads no audio.
import { loadAudio16k } from '../../audio/load.ts';
import { LabError } from '../../common/errors.ts';
import { toneCorpus } from '../../corpus/synthetic-tones.ts';
import { browserCorpusStore } from '../../store/corpus-store.ts';
import { contentId, limitClips } from '../../sweep/corpus.ts';
import type { SweepCorpus } from '../../sweep/types.ts';
import type { CorpusRef } from '../messages/lab-common.ts';

/** Human description of a corpus for provenance lines. */
export function describeCorpus(corpus: SweepCorpus): string {
  const kind = corpus.info.source === 'tones' ? 'synthetic tones, not IRMAS' : String(corpus.info.source ?? 'corpus');
  const n = corpus.clips.length;
  return `${corpus.id} (${kind}, ${n} clips)`;
}

export function isIrmasCorpus(corpus: SweepCorpus): boolean {
  return corpus.info.source === 'irmas';
}

const opened = new Map<string, SweepCorpus>();
const KEEP_CORPORA = 3;

function remember(key: string, corpus: SweepCorpus): SweepCorpus {
  opened.delete(key);
  opened.set(key, corpus);
  while (opened.size > KEEP_CORPORA) opened.delete(opened.keys().next().value!);
  return corpus;
}

export async function openLabCorpus(ref: CorpusRef, maxClips?: number): Promise<SweepCorpus> {
  const key = `${JSON.stringify(ref)}|${maxClips ?? 'all'}`;
  if (ref.kind === 'tones') {
    const known = opened.get(key);
    if (known) return remember(key, known);
    const tones = toneCorpus(ref.preset, ref.seed);
    const clips = limitClips(tones.clips.map((c) => ({ ...c })), maxClips);
    return remember(key, {
      id: `${tones.id}${maxClips !== undefined ? `-max${maxClips}` : ''}`,
      info: { source: 'tones', preset: ref.preset, seed: ref.seed, ...(maxClips !== undefined ? { maxClipsPerSplit: maxClips } : {}) },
      classes: tones.classes,
      clips,
    });
  }
  const store = browserCorpusStore();
  const manifest = await store.manifest(ref.id);
  if (!manifest) throw new LabError(`corpus ${ref.id} is not in this browser's storage (render or import it on the Data page)`);
  const all = manifest.clips.map((c) => ({
    id: c.id, split: c.split, labels: [...c.labels], checksum: c.checksum, file: c.file,
    read: async () => {
      const bytes = await store.readFile(ref.id, c.file);
      if (!bytes) throw new LabError(`corpus ${ref.id}: the audio of clip ${c.id} is not stored in this browser`);
      return (await loadAudio16k(bytes, c.file)).samples;
    },
  }));
  const clips = limitClips(all, maxClips);
  const id = `${ref.id}-${await contentId(clips)}`;
  // Same content as the one opened before (ids, splits, labels and checksums): keep its clip objects.
  const known = opened.get(key);
  if (known?.id === id) return remember(key, known);
  return remember(key, {
    id,
    info: {
      source: manifest.source, preset: manifest.preset, seed: manifest.seed, stored: ref.id,
      ...(maxClips !== undefined ? { maxClipsPerSplit: maxClips } : {}),
    },
    classes: [...manifest.classes],
    clips,
  });
}

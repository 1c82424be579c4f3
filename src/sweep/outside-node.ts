// Outside sets from folders (Node): each labelled folder with a manifest.json (the real-recording
// validation set, a corpus rendered from another bank...) gives one set per split it has, named
// "<folder>/<split>", with a content id, for `npx diffpir sweep --also-score <folder>`.
import path from 'node:path';
import { LabError } from '../common/errors.ts';
import { contentId } from '../corpus/content-id.ts';
import { loadManifest, readClipSamples } from '../corpus/manifest-node.ts';
import type { OutsideSet } from './outside.ts';

export async function openOutsideSets(dirs: readonly string[], classes: readonly string[]): Promise<OutsideSet[]> {
  const sets: OutsideSet[] = [];
  for (const given of dirs) {
    const dir = path.extname(given) === '.json' ? path.dirname(given) : given;
    let manifest;
    try {
      manifest = loadManifest(given);
    } catch (e) {
      throw new LabError(`--also-score ${given}: ${(e as Error).message}`);
    }
    const folder = path.basename(path.resolve(dir));
    const splits = [...new Set(manifest.clips.map((c) => c.split))];
    for (const split of splits) {
      const clips = manifest.clips.filter((c) => c.split === split);
      for (const c of clips) {
        const bad = c.labels.find((l) => !classes.includes(l));
        if (bad) throw new LabError(`--also-score ${given}: clip ${c.id} is labelled "${bad}", not one of the corpus's classes (${classes.join(', ')})`);
        if (c.labels.length === 0) throw new LabError(`--also-score ${given}: clip ${c.id} has no label`);
      }
      sets.push({
        name: `${folder}/${split}`,
        id: await contentId(clips),
        clips: clips.map((c) => ({ id: c.id, labels: c.labels, read: () => readClipSamples(dir, manifest, c) })),
      });
    }
  }
  const names = sets.map((s) => s.name);
  const twice = names.find((n, i) => names.indexOf(n) !== i);
  if (twice) throw new LabError(`--also-score: two sets are named ${twice}; give folders with different names`);
  return sets;
}

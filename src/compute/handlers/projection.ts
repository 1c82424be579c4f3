// `projection`: pooled features of a stored corpus's single-label clips at (sigma, tap) for the
// model and its random-init control, each projected to 2D (messages/projection.ts). Features go
// through the IndexedDB feature cache, so a view seen before comes back at once.
import { loadAudio16k } from '../../audio/load.ts';
import { throwIfCancelled } from '../../common/progress.ts';
import { browserOpeners } from '../../explore/browser-io.ts';
import { openControl, openModel } from '../../explore/open-model.ts';
import { pickProjectionClips, projectClips } from '../../explore/projection.ts';
import { IdbFeatureCache } from '../../features/cache-idb.ts';
import { FeatureExtractor } from '../../features/extract.ts';
import type { ModelSource } from '../../features/model-source.ts';
import type { ClipInput } from '../../features/extract.ts';
import { LabError } from '../../common/errors.ts';
import { browserCorpusStore } from '../../store/corpus-store.ts';
import { defineHandler } from '../handler.ts';
import type { ProjectionSet } from '../messages/projection.ts';

let cache: IdbFeatureCache | undefined;
const extractors = new Map<string, FeatureExtractor>();
const hashes = new Map<string, string>();

function extractorFor(model: ModelSource): FeatureExtractor {
  const key = `${model.id}:${model.hash}`;
  let e = extractors.get(key);
  if (!e) {
    e = new FeatureExtractor(model, (cache ??= new IdbFeatureCache()));
    extractors.set(key, e);
    while (extractors.size > 2) {
      const [k, old] = extractors.entries().next().value!;
      old.dispose();
      extractors.delete(k);
    }
  }
  return e;
}

export const projectionHandler = defineHandler('projection', {
  run: async (p, ctx) => {
    const store = browserCorpusStore();
    const manifest = await store.manifest(p.corpus);
    if (!manifest) throw new LabError(`corpus ${p.corpus} is not in this browser's storage (render it on the Data page)`);
    const picked = pickProjectionClips(manifest.clips, p.perClass ?? 8, p.splits ?? ['train', 'validation']);
    const inputs: ClipInput[] = picked.map((c) => {
      const key = `${p.corpus}/${c.id}`;
      return {
        id: c.id,
        contentHash: hashes.get(key),
        read: async () => {
          const bytes = await store.readFile(p.corpus, c.file);
          if (!bytes) throw new LabError(`corpus ${p.corpus}: the audio of clip ${c.id} is not stored`);
          return (await loadAudio16k(bytes, c.file)).samples;
        },
      };
    });
    const run = async (model: ModelSource, label: string): Promise<{ set: ProjectionSet; channels: number }> => {
      const extractor = extractorFor(model);
      const r = await projectClips(extractor, inputs, p, {
        signal: ctx.signal,
        onProgress: (pr) => ctx.onProgress({ ...pr, stage: `features of ${label}` }),
      });
      r.hashes.forEach((h, i) => {
        hashes.set(`${p.corpus}/${picked[i].id}`, h);
        inputs[i].contentHash = h;
      });
      return { set: { modelId: model.id, points: r.points, explained: r.explained, cachedClips: r.cachedClips, seconds: r.seconds }, channels: r.channels };
    };
    const model = await openModel(p.model, browserOpeners, { signal: ctx.signal });
    const main = await run(model, model.id);
    throwIfCancelled(ctx.signal, 'projection');
    let control: ProjectionSet | null = null;
    if (p.control !== false && model.randomSeed === undefined) control = (await run(await openControl(model), 'the random-init control')).set;
    ctx.transfer(main.set.points.buffer, ...(control ? [control.points.buffer] : []));
    return { clipIds: picked.map((c) => c.id), labels: picked.map((c) => c.labels[0]), channels: main.channels, model: main.set, control };
  },
});

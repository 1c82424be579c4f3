// Node hosts of the sweep: a corpus from a folder (manifest.json) or a preset rendered once into
// .cache/corpus/<preset>-seed<seed>/ (resumable), a JSON results file written atomically, and the
// feature cache on disk. A --max-clips subset of a preset is rendered into its own folder
// (<preset>-seed<seed>-max<N>), so it never rewrites the full preset's manifest. The engine
// itself (sweep.ts) stays free of Node imports.
import { existsSync } from 'node:fs';
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { LabError } from '../common/errors.ts';
import type { JobOptions } from '../common/progress.ts';
import { DEFAULT_SEED, renderCorpus } from '../corpus/corpus-node.ts';
import { loadManifest, readClipSamples } from '../corpus/manifest-node.ts';
import { withMultiLabelSet } from '../corpus/manifest.ts';
import { PRESETS, planCorpus, getPreset } from '../corpus/plan.ts';
import type { CorpusManifest } from '../corpus/types.ts';
import { loadHanDir } from '../baseline/node.ts';
import { melClips, hanCell } from './baseline.ts';
import { corpusIdentity } from '../corpus/content-id.ts';
import { limitClips } from './corpus.ts';
import type { BaselineRunner, ResultsStore, SweepClip, SweepCorpus, SweepResults } from './types.ts';
import { portablePath } from '../common/portable-path.ts';

export const CORPUS_CACHE_DIR = '.cache/corpus';

export interface OpenCorpusOptions extends JobOptions {
  /** Corpus seed for presets (default the corpus part's DEFAULT_SEED). */
  seed?: number;
  maxClips?: number;
  /** Where presets are rendered (default .cache/corpus). */
  cacheDir?: string;
  /** Include the multi-label training set (meta.set = "multi") in the training split. */
  withMulti?: boolean;
}

/** A corpus folder or a preset name (tiny, small, full) as a SweepCorpus. */
export async function openSweepCorpus(dirOrPreset: string, opts: OpenCorpusOptions = {}): Promise<SweepCorpus> {
  let dir: string;
  let manifest: CorpusManifest;
  if (existsSync(dirOrPreset)) {
    dir = path.extname(dirOrPreset) === '.json' ? path.dirname(dirOrPreset) : dirOrPreset;
    manifest = loadManifest(dirOrPreset);
  } else if (dirOrPreset in PRESETS) {
    const seed = opts.seed ?? DEFAULT_SEED;
    dir = path.join(opts.cacheDir ?? CORPUS_CACHE_DIR, `${dirOrPreset}-seed${seed}${opts.maxClips !== undefined ? `-max${opts.maxClips}` : ''}`);
    const specs = planCorpus(getPreset(dirOrPreset), seed);
    const wanted = new Set(limitClips(specs.map((s) => ({ ...s, read: async () => new Float32Array() })), opts.maxClips).map((s) => s.id));
    const result = await renderCorpus(dirOrPreset, { out: dir, seed, only: (id) => wanted.has(id), signal: opts.signal, onProgress: opts.onProgress });
    manifest = result.manifest;
  } else {
    throw new LabError(`corpus "${dirOrPreset}": no such folder or manifest, and not a preset (${Object.keys(PRESETS).join(', ')})`);
  }
  // The OpenPIR-like multi-label training set only when asked (its clips also leave the corpus id).
  manifest = withMultiLabelSet(manifest, opts.withMulti === true);
  const all: (SweepClip & { checksum?: string; file: string })[] = manifest.clips.map((c) => ({
    id: c.id, split: c.split, labels: c.labels, checksum: c.checksum, file: c.file,
    read: () => readClipSamples(dir, manifest, c),
  }));
  const clips = limitClips(all, opts.maxClips);
  const identity = await corpusIdentity(manifest, path.basename(path.resolve(dir)));
  return {
    id: identity.id,
    info: {
      contentId: identity.contentId,
      source: manifest.source, preset: manifest.preset, seed: manifest.seed, folder: portablePath(dir), version: manifest.version,
      withMulti: opts.withMulti === true,
      clips: Object.fromEntries((['train', 'validation', 'test'] as const).map((s) => [s, clips.filter((c) => c.split === s).length])),
      ...(opts.maxClips !== undefined ? { maxClipsPerSplit: opts.maxClips } : {}),
    },
    classes: [...manifest.classes],
    clips,
  };
}

/** Results as a JSON file, replaced atomically after every cell. */
export class JsonFileStore implements ResultsStore {
  constructor(readonly file: string) {}

  get name(): string {
    return this.file;
  }

  async load(): Promise<unknown | undefined> {
    let text: string;
    try {
      text = await readFile(this.file, 'utf8');
    } catch {
      return undefined;
    }
    try {
      return JSON.parse(text);
    } catch (e) {
      throw new LabError(`${this.file}: not valid JSON (${(e as Error).message}); give another --out or remove it`);
    }
  }

  async save(results: SweepResults): Promise<void> {
    const tmp = `${this.file}.tmp`;
    try {
      await mkdir(path.dirname(path.resolve(this.file)), { recursive: true });
      await writeFile(tmp, JSON.stringify(results, null, 1) + '\n');
      await rename(tmp, this.file);
    } catch (e) {
      throw new LabError(`cannot write ${this.file} (${(e as NodeJS.ErrnoException).code ?? String(e)})`);
    }
  }
}

/**
 * A Han CNN trained before (`diffpir train-baseline`, a model folder) as the baseline, scored on
 * this corpus's test clips. It must have been trained on this corpus folder (its provenance says
 * which), else the comparison would not be on the same splits.
 */
export function pretrainedHanBaseline(dir: string): BaselineRunner {
  return {
    name: `han-cnn@${path.basename(path.resolve(dir))}`,
    async run(corpus, opts) {
      const started = performance.now();
      const han = await loadHanDir(dir);
      try {
        const prov = han.meta.provenance ?? {};
        // Same corpus: the same content (any folder, any machine), or for models made before that
        // was recorded, the same folder.
        const trainedOn = typeof prov.corpusDir === 'string' ? path.resolve(prov.corpusDir) : undefined;
        const ours = typeof corpus.info.folder === 'string' ? path.resolve(corpus.info.folder) : undefined;
        const same = typeof prov.corpusContent === 'string' ? prov.corpusContent === corpus.info.contentId : trainedOn !== undefined && trainedOn === ours;
        if (!same || (prov.maxClips ?? undefined) !== (corpus.info.maxClipsPerSplit ?? undefined)) {
          throw new LabError(`Han CNN ${dir} was trained on ${String(prov.corpusId ?? prov.corpusDir ?? 'an unrecorded corpus')}` +
            `${prov.maxClips ? ` (max ${String(prov.maxClips)} clips)` : ''}, the sweep uses ${corpus.id}${ours ? ` (${ours})` : ''}; omit --baseline to train one here`);
        }
        const test = await melClips(corpus, 'test', opts.signal);
        return await hanCell(han, test, corpus, `han-cnn (${dir})`, started, (performance.now() - started) / 1000);
      } finally {
        han.dispose();
      }
    },
  };
}

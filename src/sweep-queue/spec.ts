// What a sweep is made of, as plain data a job can carry: the model, control, corpus, cache and
// baseline arguments as the user gave them, and the settings. `openSweepSpec` turns it into the
// sweep's environment the same way in the `sweep` command and in every worker, and
// `checkSameSweep` makes a worker refuse (once, not retried) a job whose models or corpus it sees
// with other content than the coordinator did: relative paths are read from the worker's folder.
import { LabError } from '../common/errors.ts';
import type { JobOptions } from '../common/progress.ts';
import { NO_CACHE, type FeatureCache } from '../features/cache.ts';
import { stableJson } from '../features/hash.ts';
import { controlFor, type ModelSource } from '../features/model-source.ts';
import { DiskFeatureCache, resolveModelNode } from '../features/node.ts';
import { defaultBaseline } from '../sweep/baseline.ts';
import { openSweepCorpus, pretrainedHanBaseline } from '../sweep/node.ts';
import { openOutsideSets } from '../sweep/outside-node.ts';
import type { BaselineRunner, SweepCorpus, SweepSettings } from '../sweep/types.ts';

export interface SweepSpec {
  /** --model as given (a folder, a name under models/, random-init[:base]). */
  model: string;
  /** --control: a model, "none", or undefined for the subject's random-init control. */
  control?: string;
  /** --corpus (a folder or a preset) with its --seed. */
  corpus: string;
  corpusSeed?: number;
  /** --with-multi: the multi-label training set joins the training split. */
  withMulti?: boolean;
  /** --cache: a folder, "none", or undefined for .cache/features. */
  cache?: string;
  /** "none", "train" (the Han CNN trained in the cell) or a Han CNN folder (--baseline). */
  baseline: string;
  /** --also-score: labelled folders every cell is also scored on (one set per split; never for choices). */
  outside?: string[];
  settings: SweepSettings;
}

export interface SweepHost {
  subject: ModelSource;
  control?: ModelSource;
  corpus: SweepCorpus;
  cache: FeatureCache;
  baseline?: BaselineRunner;
}

/** Resolves models, corpus (a preset is rendered on first use), cache and baseline of a spec. */
export async function openSweepSpec(spec: SweepSpec, opts: JobOptions = {}): Promise<SweepHost> {
  const subject = await resolveModelNode(spec.model);
  const control = spec.control === 'none' ? undefined
    : spec.control ? await resolveModelNode(spec.control)
    : subject.randomSeed === undefined ? await controlFor(subject) : undefined;
  const corpus = await openSweepCorpus(spec.corpus, { seed: spec.corpusSeed, maxClips: spec.settings.maxClips, withMulti: spec.withMulti === true, signal: opts.signal, onProgress: opts.onProgress });
  if (spec.outside?.length) corpus.outside = await openOutsideSets(spec.outside, corpus.classes);
  const cache = spec.cache === 'none' ? NO_CACHE : new DiskFeatureCache(spec.cache);
  const baseline = spec.baseline === 'none' ? undefined : spec.baseline === 'train' ? defaultBaseline(spec.settings) : pretrainedHanBaseline(spec.baseline);
  return { subject, control, corpus, cache, baseline };
}

/** A LabError naming what differs when this host's fingerprint is not the coordinator's. */
export function checkSameSweep(mine: Record<string, unknown>, theirs: Record<string, unknown>, where: string): void {
  const differ = Object.keys({ ...mine, ...theirs }).filter((k) => stableJson(mine[k]) !== stableJson(theirs[k]));
  if (differ.length === 0) return;
  const say = differ.map((k) => `${k}: ${stableJson(theirs[k])} in the sweep, ${stableJson(mine[k])} here`).join('; ');
  throw new LabError(`${where} sees other content than the sweep (${say}); give workers the same model and corpus folders (or absolute paths on a shared disk)`);
}

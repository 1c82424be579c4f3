// Renders the built-in corpus into browser storage (worker side): plan the preset, resume from
// the stored manifest (clips already stored with a matching checksum are kept), render the rest
// one by one with each clip stored as it finishes. `only` limits the clips (quick looks, tests).
import type { JobOptions } from '../common/progress.ts';
import { localRenderer, renderCorpusCore, type RenderCorpusResult } from '../corpus/corpus-render.ts';
import { getPreset, planCorpus } from '../corpus/plan.ts';
import type { BankName } from '../corpus/types.ts';
import type { LoadedBank } from '../corpus/bank.ts';
import type { LoadedSampleBank } from '../corpus/samples/bank-load.ts';
import { builtinCorpusId, type CorpusStore } from './corpus-store.ts';

export interface RenderBuiltinOptions extends JobOptions {
  preset: string;
  seed: number;
  store: CorpusStore;
  loadBank: (name: BankName) => Promise<LoadedBank>;
  /** The packed recorded bank (recorded-recipe presets). */
  sampleBank?: () => Promise<LoadedSampleBank>;
  /** At most this many clips per class and split (train/validation) and this many test clips. */
  perClassLimit?: number;
  /** Render only clips whose id passes (tests). */
  only?: (id: string) => boolean;
}

export interface RenderBuiltinResult extends RenderCorpusResult {
  corpusId: string;
  planned: number;
}

export async function renderBuiltinCorpus(opts: RenderBuiltinOptions): Promise<RenderBuiltinResult> {
  const preset = getPreset(opts.preset);
  const corpusId = builtinCorpusId(preset.name, opts.seed);
  let specs = planCorpus(preset, opts.seed);
  const planned = specs.length;
  if (opts.only) specs = specs.filter((s) => opts.only!(s.id));
  if (opts.perClassLimit !== undefined) {
    const limit = opts.perClassLimit;
    const seen = new Map<string, number>();
    specs = specs.filter((s) => {
      if (s.multi) return false; // quick looks: single-label and test clips only
      const key = s.split === 'test' ? 'test' : `${s.split}/${s.labels[0]}`;
      const n = seen.get(key) ?? 0;
      seen.set(key, n + 1);
      return n < limit;
    });
  }
  const previous = await opts.store.manifest(corpusId).catch(() => undefined);
  const sink = opts.store.sink(corpusId);
  // A limited run keeps the clips of a fuller earlier run in the manifest.
  const keep = previous && (opts.perClassLimit !== undefined || opts.only) ? previous.clips.filter((c) => !specs.some((s) => s.id === c.id)) : [];
  const result = await renderCorpusCore(specs, {
    preset, seed: opts.seed, previous, renderer: localRenderer({ loadBank: opts.loadBank, sampleBank: opts.sampleBank }), signal: opts.signal, onProgress: opts.onProgress, saveEvery: 1,
    sink: keep.length === 0 ? sink : { ...sink, saveManifest: (m) => sink.saveManifest({ ...m, clips: mergeInPlanOrder(m.clips, keep, planCorpus(preset, opts.seed).map((s) => s.id)) }) },
  });
  const manifest = (await opts.store.manifest(corpusId)) ?? result.manifest;
  return { ...result, manifest, corpusId, planned };
}

function mergeInPlanOrder<T extends { id: string }>(a: T[], b: T[], order: string[]): T[] {
  const rank = new Map(order.map((id, i) => [id, i]));
  const byId = new Map([...b, ...a].map((c) => [c.id, c]));
  return [...byId.values()].sort((x, y) => (rank.get(x.id) ?? 1e9) - (rank.get(y.id) ?? 1e9));
}

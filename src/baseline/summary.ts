// What a Han CNN folder says about itself, as numbers for a label: the corpus it was trained on,
// its training clips and epochs, and validation/test micro F1 (from model.json). Browser-safe.
import type { HanMeta } from './han.ts';

export interface HanSummary {
  /** The training corpus's id (provenance.corpusId), or null when not recorded. */
  corpusId: string | null;
  trainClips: number | null;
  epochs: number;
  validationMicroF1: number | null;
  /** Test micro F1 when the training run scored the test split. */
  testMicroF1: number | null;
}

type MetaLike = Partial<Pick<HanMeta, 'provenance'>> & { metrics?: Partial<HanMeta['metrics']> };

const num = (x: unknown): number | null => (typeof x === 'number' && Number.isFinite(x) ? x : null);

export function hanSummary(meta: MetaLike): HanSummary {
  const prov = (meta.provenance ?? {}) as { corpusId?: unknown; test?: { microF1?: unknown } };
  return {
    corpusId: typeof prov.corpusId === 'string' ? prov.corpusId : null,
    trainClips: num(meta.metrics?.trainClips),
    epochs: meta.metrics?.epochs?.length ?? 0,
    validationMicroF1: num(meta.metrics?.validation?.microF1),
    testMicroF1: num(prov.test?.microF1),
  };
}

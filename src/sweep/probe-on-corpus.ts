// One probe trained on a corpus outside a sweep (the lab's Probe page): the same steps as a sweep
// cell (trainCellProbe: features of the three splits, training with early stopping on validation,
// threshold on validation; scoreOnTest: test clips scored with the test labels read last), but
// the trained probe is handed back with its figures, and every epoch is reported as it ends.
// A stop keeps the best epoch.
import * as tf from '@tensorflow/tfjs';
import type { MetricsReport } from '../evaluation/types.ts';
import type { FeatureExtractor } from '../features/extract.ts';
import type { Probe } from '../probes/probe.ts';
import { scoreOnTest, trainCellProbe, type CellOptions } from './cell.ts';
import type { CellKey, SweepCorpus, SweepSettings } from './types.ts';

export type ProbeOnCorpusOptions = CellOptions;

export interface ProbeOnCorpus {
  /** The trained probe (the caller disposes it). */
  probe: Probe;
  /** Test scores at the validation threshold. */
  test: MetricsReport;
  examples: { train: number; validation: number; test: number };
  seconds: { features: number; training: number };
  backend: string;
}

export async function trainProbeOnCorpus(
  key: Omit<CellKey, 'role'>, extractor: FeatureExtractor, corpus: SweepCorpus, settings: SweepSettings, opts: ProbeOnCorpusOptions = {},
): Promise<ProbeOnCorpus> {
  const cell = await trainCellProbe({ ...key, role: 'subject' }, extractor, corpus, settings, opts);
  try {
    return {
      probe: cell.probe,
      test: await scoreOnTest(cell.probe, cell.test, corpus),
      examples: { train: cell.train.count, validation: cell.validation.count, test: cell.test.count },
      seconds: { features: cell.featureSeconds, training: cell.probe.meta.metrics.trainSeconds },
      backend: tf.getBackend(),
    };
  } catch (e) {
    cell.probe.dispose();
    throw e;
  }
}

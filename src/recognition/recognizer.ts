// A recognizer: one model (a probe on its U-Net's features, or a Han CNN) with the calibration
// of its folder, behind one call, so recognize-many, score and calibrate (CLI now, the Compare
// page later) treat both alike. Browser-safe; Node opens folders in open-node.ts.
import type { Calibration } from '../calibration/types.ts';
import type { JobOptions } from '../common/progress.ts';
import { recognizeHan } from '../baseline/recognize-han.ts';
import type { HanModel } from '../baseline/han.ts';
import type { FeatureCache } from '../features/cache.ts';
import type { ModelSource } from '../features/model-source.ts';
import { recognize } from '../features/recognize.ts';
import type { RecognitionResult } from '../features/recognition-types.ts';
import type { Probe } from '../probes/probe.ts';

/** Which weights a calibration belongs to: the model kind and the SHA-256 (16 hex) of its weights file. */
export interface ModelIdentity {
  kind: 'probe' | 'han' | 'combination';
  /** The weights file's hash; for a combination, the hash of its members' identities and weights (combination.ts). */
  weights: string;
}

export interface Recognizer {
  /** How results name it (the folder as given, or a label). */
  readonly name: string;
  readonly identity: ModelIdentity;
  readonly classes: readonly string[];
  /** Applied to every result when set (null: raw probabilities, the model's own rule). */
  readonly calibration: Calibration | null;
  recognize(samples16k: Float32Array, opts?: JobOptions): Promise<RecognitionResult>;
  dispose(): void;
}

export function probeRecognizer(
  probe: Probe, model: ModelSource,
  o: { name: string; identity: ModelIdentity; calibration?: Calibration | null; cache?: FeatureCache; batchSize?: number },
): Recognizer {
  const calibration = o.calibration ?? null;
  return {
    name: o.name, identity: o.identity, classes: probe.classes, calibration,
    recognize: (samples, opts = {}) => recognize(samples, probe, model, { ...opts, cache: o.cache, batchSize: o.batchSize, probeName: o.name, calibration }),
    dispose: () => probe.dispose(),
  };
}

export function hanRecognizer(han: HanModel, o: { name: string; identity: ModelIdentity; calibration?: Calibration | null; batchSize?: number }): Recognizer {
  const calibration = o.calibration ?? null;
  return {
    name: o.name, identity: o.identity, classes: han.classes, calibration,
    recognize: (samples, opts = {}) => recognizeHan(samples, han, { ...opts, batchSize: o.batchSize, hanName: o.name, calibration }),
    dispose: () => han.dispose(),
  };
}

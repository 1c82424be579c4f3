// loadProbe: rebuilds a Probe from its JSON metadata and weights bytes, checking every field.
import { LabError, check } from '../common/errors.ts';
import { thresholdFromJson } from '../evaluation/threshold.ts';
import { checkClasses } from '../evaluation/labels.ts';
import { checkHeadInput, headDefinition } from './heads/index.ts';
import { ParamSet } from './params.ts';
import { Probe, weightsFromBytes, type ProbeMeta } from './probe.ts';

export function loadProbe(json: string | object, weights: Uint8Array | ArrayBuffer, what = 'probe'): Probe {
  let meta: ProbeMeta;
  try {
    meta = (typeof json === 'string' ? JSON.parse(json) : json) as ProbeMeta;
  } catch (e) {
    throw new LabError(`${what}: probe.json is not valid JSON (${(e as Error).message})`);
  }
  check(meta && meta.format === 'diffpir-probe', `${what}: not a DiffPIR probe (format is not "diffpir-probe")`);
  check(meta.version === 1, `${what}: probe format version ${meta.version} is not supported (expected 1)`);
  const head = headDefinition(meta.kind);
  check(meta.featureSpec && Array.isArray(meta.featureSpec.shape), `${what}: featureSpec.shape is missing`);
  checkHeadInput(meta.kind, meta.featureSpec.shape);
  check(Array.isArray(meta.classes), `${what}: classes is missing`);
  checkClasses(meta.classes, what);
  const threshold = thresholdFromJson(meta.threshold, `${what}: threshold`);
  check(threshold.classes.join() === meta.classes.join(), `${what}: threshold classes differ from the probe's classes`);
  check(Array.isArray(meta.weights), `${what}: weight specs are missing`);
  const decls = head.declare(meta.featureSpec.shape, meta.classes.length);
  const params = ParamSet.fromData(decls, meta.weights, weightsFromBytes(weights, what), what);
  return new Probe({ ...meta, threshold, aggregation: meta.aggregation ?? 'mean-max' }, params);
}

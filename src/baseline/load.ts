// loadHan: rebuilds a HanModel from its JSON and weights bytes, checking the fields it uses.
import { LabError, check } from '../common/errors.ts';
import { checkClasses } from '../evaluation/labels.ts';
import { thresholdFromJson } from '../evaluation/threshold.ts';
import { ParamSet } from '../probes/params.ts';
import { weightsFromBytes } from '../probes/probe.ts';
import { HanModel, type HanMeta } from './han.ts';
import { hanDecls } from './model.ts';

export function loadHan(json: string | object, weights: Uint8Array | ArrayBuffer, what = 'Han CNN'): HanModel {
  let meta: HanMeta;
  try {
    meta = (typeof json === 'string' ? JSON.parse(json) : json) as HanMeta;
  } catch (e) {
    throw new LabError(`${what}: model.json is not valid JSON (${(e as Error).message})`);
  }
  check(meta && meta.format === 'diffpir-han-cnn', `${what}: not a Han CNN model (format is not "diffpir-han-cnn")`);
  check(meta.version === 1, `${what}: format version ${meta.version} is not supported (expected 1)`);
  check(meta.config && Array.isArray(meta.config.filters), `${what}: config is missing`);
  check(Array.isArray(meta.classes), `${what}: classes is missing`);
  checkClasses(meta.classes, what);
  check(meta.config.classes === meta.classes.length, `${what}: config has ${meta.config.classes} outputs for ${meta.classes.length} classes`);
  check(meta.framing && meta.framing.windowFrames === meta.config.frames, `${what}: framing does not match the config`);
  const threshold = thresholdFromJson(meta.threshold, `${what}: threshold`);
  check(Array.isArray(meta.weights), `${what}: weight specs are missing`);
  const params = ParamSet.fromData(hanDecls(meta.config), meta.weights, weightsFromBytes(weights, what), what);
  return new HanModel({ ...meta, threshold }, params);
}

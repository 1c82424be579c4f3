// Node: a Recognizer from a model folder: a probe folder (probe.json + weights, reading the U-Net
// recorded in it or --model), a Han CNN folder (model.json + weights) or a combination folder
// (combination.json naming member folders, combination.ts), with the folder's
// calibration.json when present (unless `uncalibrated`). A calibration fitted for other weights
// is refused with one line saying how to refit it.
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { readCalibrationText, CALIBRATION_FILE } from '../calibration/file.ts';
import type { Calibration } from '../calibration/types.ts';
import { LabError } from '../common/errors.ts';
import { loadHanDir } from '../baseline/node.ts';
import { DiskFeatureCache, MODELS_DIR, resolveModelNode } from '../features/node.ts';
import { loadProbeDir } from '../probes/io-node.ts';
import { hanRecognizer, probeRecognizer, type ModelIdentity, type Recognizer } from './recognizer.ts';
import { COMBINATION_FILE, combinationKey, combinedRecognizer, parseCombination, type CombinationSpec } from './combination.ts';

export const DEFAULT_PROBE_DIR = path.join(MODELS_DIR, 'probe-default');

export interface OpenRecognizerOptions {
  /** A probe folder (default models/probe-default when han is not given). */
  probe?: string;
  /** A Han CNN folder instead of a probe. */
  han?: string;
  /** A combination folder (combination.json) instead. */
  combination?: string;
  /** The U-Net a probe reads (default: the one recorded in the probe). */
  model?: string;
  /** Feature cache folder (probes only). */
  cache?: string;
  /** Ignore the folder's calibration.json. */
  uncalibrated?: boolean;
}

/** Which kind of model folder `dir` is, or a LabError saying what is missing. */
export function modelFolderKind(dir: string): ModelIdentity['kind'] {
  if (existsSync(path.join(dir, COMBINATION_FILE))) return 'combination';
  if (existsSync(path.join(dir, 'probe.json'))) return 'probe';
  if (existsSync(path.join(dir, 'model.json'))) {
    let format: unknown;
    try {
      format = (JSON.parse(readFileSync(path.join(dir, 'model.json'), 'utf8')) as { format?: unknown }).format;
    } catch {
      format = undefined;
    }
    if (format === 'diffpir-han-cnn') return 'han';
    throw new LabError(`${dir}: not a probe or Han CNN folder (model.json is not a Han CNN; a U-Net folder is not a recognizer)`);
  }
  throw new LabError(`${dir}: not a probe folder (no probe.json), a Han CNN folder (no model.json) nor a combination (no ${COMBINATION_FILE})`);
}

/**
 * The identity calibration.json records: the kind and the SHA-256 (16 hex) of the weights file named
 * in the folder's JSON; for a combination, of its members' identities and weights.
 */
export function modelIdentity(dir: string, kind: ModelIdentity['kind']): ModelIdentity {
  if (kind === 'combination') {
    const spec = readCombination(dir);
    const ids = spec.members.map((m) => {
      const member = path.join(dir, m.folder);
      const k = modelFolderKind(member);
      if (k === 'combination') throw new LabError(`${path.join(dir, COMBINATION_FILE)}: member ${m.folder} is itself a combination; list its members instead`);
      return modelIdentity(member, k);
    });
    return { kind, weights: createHash('sha256').update(combinationKey(ids, spec.members.map((m) => m.weight))).digest('hex').slice(0, 16) };
  }
  const json = JSON.parse(readFileSync(path.join(dir, kind === 'probe' ? 'probe.json' : 'model.json'), 'utf8')) as { weightsFile?: string };
  const file = path.join(dir, path.basename(json.weightsFile ?? 'weights.bin'));
  if (!existsSync(file)) throw new LabError(`${dir}: weights file ${path.basename(file)} is missing`);
  return { kind, weights: createHash('sha256').update(readFileSync(file)).digest('hex').slice(0, 16) };
}

/** The folder's calibration.json, checked against its weights; null when there is none. */
export function loadCalibrationFor(dir: string, identity: ModelIdentity): Calibration | null {
  const file = path.join(dir, CALIBRATION_FILE);
  if (!existsSync(file)) return null;
  const cal = readCalibrationText(readFileSync(file, 'utf8'), file);
  if (cal.model.kind !== identity.kind || cal.model.weights !== identity.weights) {
    throw new LabError(
      `${file} was fitted for other weights (${cal.model.kind} ${cal.model.weights}, the folder has ${identity.kind} ${identity.weights}); ` +
        `refit it with \`npx diffpir calibrate ${dir} --on <validation set>\`, or pass --uncalibrated`,
    );
  }
  return cal;
}

export function readCombination(dir: string): CombinationSpec {
  const file = path.join(dir, COMBINATION_FILE);
  if (!existsSync(file)) throw new LabError(`no combination at ${dir} (${COMBINATION_FILE} missing; made by \`npx diffpir combine\`)`);
  const spec = parseCombination(readFileSync(file, 'utf8'), file);
  for (const m of spec.members) {
    if (path.isAbsolute(m.folder)) throw new LabError(`${file}: member folder ${m.folder} must be relative to the combination folder`);
    if (!existsSync(path.join(dir, m.folder))) throw new LabError(`${file}: member folder ${m.folder} not found (looked in ${path.join(dir, m.folder)})`);
  }
  return spec;
}

async function openCombination(dir: string, o: OpenRecognizerOptions): Promise<Recognizer> {
  const spec = readCombination(dir);
  const identity = modelIdentity(dir, 'combination');
  const calibration = o.uncalibrated ? null : loadCalibrationFor(dir, identity);
  const members: Recognizer[] = [];
  try {
    for (const m of spec.members) {
      const member = path.join(dir, m.folder);
      members.push(await openRecognizer(modelFolderKind(member) === 'han' ? { han: member, uncalibrated: true } : { probe: member, model: o.model, cache: o.cache, uncalibrated: true }));
    }
    return combinedRecognizer(members, spec.members.map((m) => m.weight), { name: dir, identity, calibration });
  } catch (e) {
    members.forEach((r) => r.dispose());
    throw e;
  }
}

export async function openRecognizer(o: OpenRecognizerOptions): Promise<Recognizer> {
  if ([o.han, o.probe, o.combination].filter((x) => x !== undefined).length > 1) {
    throw new LabError('--probe, --han and --combination are mutually exclusive: give one model folder');
  }
  if (o.combination !== undefined) return openCombination(o.combination, o);
  if (o.han !== undefined) {
    if (o.model !== undefined || o.cache !== undefined) throw new LabError('--model and --cache apply to probes only; the Han CNN reads the log-mel itself');
    if (!existsSync(path.join(o.han, 'model.json'))) {
      throw new LabError(`no Han CNN at ${o.han} (model.json missing; made by \`npx diffpir train-baseline\`, e.g. models/han-cnn-small)`);
    }
    const han = await loadHanDir(o.han);
    try {
      const identity = modelIdentity(o.han, 'han');
      return hanRecognizer(han, { name: o.han, identity, calibration: o.uncalibrated ? null : loadCalibrationFor(o.han, identity) });
    } catch (e) {
      han.dispose();
      throw e;
    }
  }
  const probeDir = o.probe ?? DEFAULT_PROBE_DIR;
  if (!existsSync(path.join(probeDir, 'probe.json'))) {
    throw new LabError(
      `no probe at ${probeDir} (probe.json missing)` +
        (o.probe !== undefined ? '' : '; the default probe is made by `npx diffpir train-probe ... --out models/probe-default`; or give --probe <dir>'),
    );
  }
  const identity = modelIdentity(probeDir, 'probe');
  const calibration = o.uncalibrated ? null : loadCalibrationFor(probeDir, identity);
  const probe = await loadProbeDir(probeDir);
  try {
    const spec = probe.meta.featureSpec;
    const model = await resolveModelNode(o.model ?? (typeof spec.modelSpec === 'string' ? spec.modelSpec : spec.model));
    return probeRecognizer(probe, model, { name: probeDir, identity, calibration, cache: o.cache ? new DiskFeatureCache(o.cache) : undefined });
  } catch (e) {
    probe.dispose();
    throw e;
  }
}

// The one model resolver of the lab: a name or folder -> a ModelSource (config, config.json,
// weights, mel normalisation, content hash). Names:
//   "random-init"            seeded random weights (PyTorch default init, seed CONTROL_SEED) of the student config
//   "random-init:<base>"     the same for <base>'s config and mel normalisation, where <base> is a
//                            named config (student, paper, tiny) or any model name/folder below
//   "<name>" / "<folder>"    a model folder (model.json + shards + config.json), e.g. "student-v1"
//                            for models/student-v1/ (the Node opener decides where names live)
// Browser-safe: folders are opened through an injected opener (model-source-node.ts in Node).
import { LabError } from '../common/errors.ts';
import type { UNetConfig } from '../unet/config.ts';
import { PAPER_CONFIG, STUDENT_CONFIG, TINY_CONFIG } from '../unet/presets.ts';
import { randomInitWeights } from '../unet/randomInit.ts';
import type { NamedWeights } from '../weights/types.ts';
import { hashJson, hashWeights } from './hash.ts';
import { DEFAULT_MEL_NORMALISATION, readMelNormalisation, type MelNormalisation } from './mel-norm.ts';

export interface ModelSource {
  /** "student-v1", "random-init:student-v1", "random-init:tiny"... (recorded with every figure). */
  id: string;
  /** Where the weights came from: a folder, or "random weights, seed N". */
  origin: string;
  config: UNetConfig;
  configJson: Record<string, unknown>;
  weights: NamedWeights;
  melNorm: MelNormalisation;
  /** SHA-256 over the config, the mel normalisation and every weight (part of every feature key). */
  hash: string;
  /** Set for random-init models. */
  randomSeed?: number;
}

/** Seed of every random-init control (fixed, so the control is the same model in every run). */
export const CONTROL_SEED = 0;

/** A tiny config for tests and quick runs (defined with the other presets in src/unet/presets.ts). */
export { TINY_CONFIG };

export const NAMED_CONFIGS: Readonly<Record<string, UNetConfig>> = { student: STUDENT_CONFIG, paper: PAPER_CONFIG, tiny: TINY_CONFIG };

/** A model folder as opened by an opener: its name (id), the folder, and its contents. */
export interface OpenedModel {
  name: string;
  /** Where it came from, as recorded in results and cards: `models/<name>` or the path as given (never an absolute path of this machine when avoidable). */
  dir: string;
  config: UNetConfig;
  configJson: Record<string, unknown>;
  weights: NamedWeights;
  warnings: string[];
}

export type ModelOpener = (nameOrDir: string) => Promise<OpenedModel>;

export const RANDOM_INIT = 'random-init';

async function finish(m: Omit<ModelSource, 'hash'>): Promise<ModelSource> {
  const hash = await hashJson({ config: m.config, melNorm: { mean: m.melNorm.mean, std: m.melNorm.std }, weights: await hashWeights(m.weights) });
  return { ...m, hash };
}

/** Random-init weights of `base`'s config (same mel normalisation), seed CONTROL_SEED by default. */
export async function randomInitModel(
  base: { id: string; config: UNetConfig; configJson?: Record<string, unknown>; melNorm: MelNormalisation },
  seed = CONTROL_SEED,
): Promise<ModelSource> {
  return finish({
    id: `${RANDOM_INIT}:${base.id}${seed === CONTROL_SEED ? '' : `@${seed}`}`,
    origin: `random weights, seed ${seed}`,
    config: base.config,
    configJson: { ...(base.configJson ?? {}), unet: base.config },
    weights: randomInitWeights(base.config, seed),
    melNorm: base.melNorm,
    randomSeed: seed,
  });
}

/** The random-init control of a model: same config and normalisation, fixed seed. */
export function controlFor(model: ModelSource, seed = CONTROL_SEED): Promise<ModelSource> {
  if (model.randomSeed !== undefined) return Promise.resolve(model);
  return randomInitModel(model, seed);
}

/** Wraps an opened folder as a ModelSource. */
export function modelFromOpened(m: OpenedModel): Promise<ModelSource> {
  return finish({
    id: m.name, origin: m.dir, config: m.config, configJson: m.configJson, weights: m.weights,
    melNorm: readMelNormalisation(m.configJson, `${m.dir}/config.json`),
  });
}

/** Resolves a model name or folder (see the header) with `open` for folders. */
export async function resolveModel(nameOrDir: string, open: ModelOpener): Promise<ModelSource> {
  const spec = nameOrDir.trim();
  if (!spec) throw new LabError('model: empty name (give a model folder, a name under models/, or random-init)');
  if (spec === RANDOM_INIT) return randomInitModel({ id: 'student', config: STUDENT_CONFIG, melNorm: DEFAULT_MEL_NORMALISATION });
  if (spec.startsWith(`${RANDOM_INIT}:`)) {
    let base = spec.slice(RANDOM_INIT.length + 1);
    let seed = CONTROL_SEED;
    const at = base.lastIndexOf('@');
    if (at > 0 && /^\d+$/.test(base.slice(at + 1))) [base, seed] = [base.slice(0, at), Number(base.slice(at + 1))];
    const named = NAMED_CONFIGS[base];
    if (named) return randomInitModel({ id: base, config: named, melNorm: DEFAULT_MEL_NORMALISATION }, seed);
    const opened = await open(base);
    return randomInitModel({ id: opened.name, config: opened.config, configJson: opened.configJson, melNorm: readMelNormalisation(opened.configJson) }, seed);
  }
  return modelFromOpened(await open(spec));
}

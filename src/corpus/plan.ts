// Corpus presets and the corpus plan: which clips exist (id, split, labels, bank, duration,
// seed), computed from preset + seed alone, without rendering. Train and validation clips do
// not depend on the preset's size, so a clip id renders the same audio in every preset.
import { arrangeClip, type ClipSpec } from './arrange-clip.ts';
import { dressForRecording } from './arrange-recorded.ts';
import { sourcePools } from './sources.ts';
import type { ClipPlan } from './arrange-types.ts';
import { TEST_BANKS, TRAIN_BANKS } from './bank.ts';
import { IRMAS_CLASSES, type IrmasClass } from './classes.ts';
import { deriveSeed, Rng } from './prng.ts';
import { LabError } from '../common/errors.ts';
import type { Split } from './types.ts';

export interface Preset {
  name: string;
  trainPerClass: number;
  validationPerClass: number;
  testClips: number;
  /** Seconds per training/validation clip (IRMAS: 3). */
  trainDuration: number;
  /** Test clip length range, seconds (IRMAS: 5-20; here 5-10). */
  testDuration: [number, number];
  /**
   * 1: SoundFont banks only (the first corpus); 2: recorded sample libraries, rooms and microphones;
   * 3: recipe 2 plus a lossy-codec round trip on about a fifth of the clips (render-codec.ts).
   */
  recipe: 1 | 2 | 3;
  /** OpenPIR-like multi-label training clips (1-3 predominant classes, 5-10 s), tagged meta.set = "multi". */
  multiTrain?: number;
}

export const PRESETS = {
  tiny: { name: 'tiny', trainPerClass: 3, validationPerClass: 1, testClips: 8, trainDuration: 3, testDuration: [5, 10], recipe: 3, multiTrain: 6 },
  small: { name: 'small', trainPerClass: 60, validationPerClass: 15, testClips: 150, trainDuration: 3, testDuration: [5, 10], recipe: 3, multiTrain: 120 },
  full: { name: 'full', trainPerClass: 400, validationPerClass: 100, testClips: 600, trainDuration: 3, testDuration: [5, 10], recipe: 3, multiTrain: 1200 },
  // Recipe 2 (no codec stage): the corpus the models trained before recipe 3 saw (han-cnn-recorded), byte for byte.
  'r2-tiny': { name: 'r2-tiny', trainPerClass: 3, validationPerClass: 1, testClips: 8, trainDuration: 3, testDuration: [5, 10], recipe: 2, multiTrain: 6 },
  'r2-small': { name: 'r2-small', trainPerClass: 60, validationPerClass: 15, testClips: 150, trainDuration: 3, testDuration: [5, 10], recipe: 2, multiTrain: 120 },
  'r2-full': { name: 'r2-full', trainPerClass: 400, validationPerClass: 100, testClips: 600, trainDuration: 3, testDuration: [5, 10], recipe: 2, multiTrain: 1200 },
  // The first corpus (SoundFont banks only), kept so the models trained on it can be reproduced.
  'sf-tiny': { name: 'sf-tiny', trainPerClass: 3, validationPerClass: 1, testClips: 8, trainDuration: 3, testDuration: [5, 10], recipe: 1 },
  'sf-small': { name: 'sf-small', trainPerClass: 60, validationPerClass: 15, testClips: 150, trainDuration: 3, testDuration: [5, 10], recipe: 1 },
  'sf-full': { name: 'sf-full', trainPerClass: 400, validationPerClass: 100, testClips: 600, trainDuration: 3, testDuration: [5, 10], recipe: 1 },
} as const satisfies Record<string, Preset>;

export type PresetName = keyof typeof PRESETS;

export function getPreset(name: string): Preset {
  const p = (PRESETS as Record<string, Preset>)[name];
  if (!p) throw new LabError(`unknown corpus preset "${name}"; known: ${Object.keys(PRESETS).join(', ')}`);
  return p;
}

/** Share of test clips with 1, 2 and 3 labels (mean 1.71, IRMAS test set: 1.71). */
export const TEST_LABEL_SHARES = [0.44, 0.41, 0.15] as const;

const pad = (i: number) => String(i).padStart(4, '0');

/** Label sets for `count` test clips: cardinalities by TEST_LABEL_SHARES, classes balanced. */
function testLabelSets(rng: Rng, count: number): IrmasClass[][] {
  const n3 = Math.round(count * TEST_LABEL_SHARES[2]);
  const n2 = Math.round(count * TEST_LABEL_SHARES[1]);
  const sizes = rng.shuffle([...Array(count - n2 - n3).fill(1), ...Array(n2).fill(2), ...Array(n3).fill(3)] as number[]);
  const used = new Map<IrmasClass, number>(IRMAS_CLASSES.map((c) => [c, 0]));
  return sizes.map((k) => {
    const order = rng.shuffle(IRMAS_CLASSES).sort((a, b) => used.get(a)! - used.get(b)!);
    const chosen = order.slice(0, k);
    for (const c of chosen) used.set(c, used.get(c)! + 1);
    return rng.shuffle(chosen);
  });
}

/** Every clip of a corpus, as specs (cheap); arrange each with `arrangeClip` to render it. */
export function planCorpus(preset: Preset, seed: number): ClipSpec[] {
  if (!Number.isInteger(seed) || seed < 0 || seed > 0xffffffff) throw new LabError(`corpus seed must be an integer in 0..4294967295, got ${seed}`);
  const specs: ClipSpec[] = [];
  const recorded = preset.recipe >= 2;
  const pools = recorded ? sourcePools() : undefined;
  const perClass = (split: Split, count: number) => {
    IRMAS_CLASSES.forEach((cls, ci) => {
      for (let i = 0; i < count; i++) {
        const id = `${split}-${cls}-${pad(i + 1)}`;
        const bank = TRAIN_BANKS[(i + ci + (split === 'validation' ? 1 : 0)) % TRAIN_BANKS.length];
        const spec: ClipSpec = { id, split, bank, labels: [cls], duration: preset.trainDuration, seed: deriveSeed(seed, id) };
        if (pools) {
          const pool = pools.train[cls];
          // Validation clips start half a rotation on, so both splits see every source.
          Object.assign(spec, { recipe: preset.recipe, sources: [pool[(i + (split === 'validation' ? pool.length >> 1 : 0)) % pool.length]] });
        }
        specs.push(spec);
      }
    });
  };
  perClass('train', preset.trainPerClass);
  perClass('validation', preset.validationPerClass);
  const rng = new Rng(deriveSeed(seed, 'test-plan', preset.testClips));
  const [lo, hi] = preset.testDuration;
  if (pools && preset.multiTrain) {
    // OpenPIR-like: 1-3 predominant classes from the training sources, mixed like test clips.
    const mrng = new Rng(deriveSeed(seed, 'multi-plan', preset.multiTrain));
    const turn = new Map<IrmasClass, number>();
    testLabelSets(mrng, preset.multiTrain).forEach((labels, i) => {
      const id = `multi-${pad(i + 1)}`;
      const duration = Math.round(mrng.range(lo, hi) * 2) / 2;
      const sources = labels.map((c) => {
        const k = turn.get(c) ?? 0;
        turn.set(c, k + 1);
        return pools.train[c][(k * 3 + i) % pools.train[c].length];
      });
      specs.push({ id, split: 'train', multi: true, bank: TRAIN_BANKS[i % TRAIN_BANKS.length], labels, duration, seed: deriveSeed(seed, id, labels.join('+')), recipe: preset.recipe, sources });
    });
  }
  const used = new Map<IrmasClass, number>();
  testLabelSets(rng, preset.testClips).forEach((labels, i) => {
    const id = `test-${pad(i + 1)}`;
    const duration = Math.round(rng.range(lo, hi) * 2) / 2;
    const spec: ClipSpec = { id, split: 'test', bank: TEST_BANKS[i % TEST_BANKS.length], labels, duration, seed: deriveSeed(seed, id, labels.join('+')) };
    if (pools) {
      const sources = labels.map((c) => {
        const k = used.get(c) ?? 0;
        used.set(c, k + 1);
        return pools.test[c][k % pools.test[c].length];
      });
      Object.assign(spec, { recipe: preset.recipe, sources });
    }
    specs.push(spec);
  });
  return specs;
}

export function arrangeSpec(spec: ClipSpec): ClipPlan {
  const plan = arrangeClip(spec);
  return (spec.recipe ?? 1) >= 2 ? dressForRecording(plan, spec) : plan;
}

export interface PlanSummary {
  clips: Record<Split, number>;
  /** Clips carrying each label, per split. */
  perClass: Record<Split, Record<IrmasClass, number>>;
  labelsPerTestClip: number;
  seconds: Record<Split, number>;
}

export function summarisePlan(specs: ClipSpec[]): PlanSummary {
  const zero = () => Object.fromEntries(IRMAS_CLASSES.map((c) => [c, 0])) as Record<IrmasClass, number>;
  const s: PlanSummary = {
    clips: { train: 0, validation: 0, test: 0 },
    perClass: { train: zero(), validation: zero(), test: zero() },
    labelsPerTestClip: 0,
    seconds: { train: 0, validation: 0, test: 0 },
  };
  let testLabels = 0;
  for (const c of specs) {
    s.clips[c.split]++;
    s.seconds[c.split] += c.duration;
    for (const l of c.labels) s.perClass[c.split][l]++;
    if (c.split === 'test') testLabels += c.labels.length;
  }
  s.labelsPerTestClip = s.clips.test ? testLabels / s.clips.test : 0;
  return s;
}

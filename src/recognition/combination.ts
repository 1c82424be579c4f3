// A declared combination of recognizers (e.g. a diffusion probe and a Han CNN): one folder with
// combination.json naming its members and their weights. Rule: each class's clip probability is
// the weighted mean of the members' *raw* clip probabilities (the members' own calibrations are
// not applied, so that the combination is calibrated once, as one model, by `npx diffpir
// calibrate <combination dir>`). Uncalibrated, a class is named when that mean is at least 0.5.
// The timeline uses the first member's windows; each other member contributes the mean of its
// windows that overlap each one. Browser-safe; Node opens folders in open-node.ts.
import type { Calibration } from '../calibration/types.ts';
import { LabError } from '../common/errors.ts';
import { finishRecognition } from '../features/confidence.ts';
import type { RecognitionScores } from '../features/recognition-types.ts';
import type { ModelIdentity, Recognizer } from './recognizer.ts';

export const COMBINATION_FILE = 'combination.json';
/** The decision rule of an uncalibrated combination: mean probability >= this. */
export const COMBINED_THRESHOLD = 0.5;

export interface CombinationMember {
  /** The member's model folder, relative to the combination folder (e.g. "../han-cnn-recorded"). */
  folder: string;
  weight: number;
}

export interface CombinationSpec {
  format: 'diffpir-combination';
  version: 1;
  members: CombinationMember[];
  rule: string;
  /** How it was chosen, for people (free text). */
  note?: string;
}

export const COMBINATION_RULE = 'weighted mean of the members\' raw clip probabilities (weights normalised to sum 1); calibrated as one model';

export function makeCombination(members: CombinationMember[], note?: string): CombinationSpec {
  const spec: CombinationSpec = { format: 'diffpir-combination', version: 1, members, rule: COMBINATION_RULE, ...(note ? { note } : {}) };
  checkMembers(spec.members, 'combination');
  return spec;
}

function checkMembers(members: unknown, where: string): asserts members is CombinationMember[] {
  if (!Array.isArray(members) || members.length < 2) throw new LabError(`${where}: a combination needs at least two members`);
  for (const [i, m] of members.entries()) {
    const ok = m && typeof (m as CombinationMember).folder === 'string' && (m as CombinationMember).folder.length > 0 &&
      Number.isFinite((m as CombinationMember).weight) && (m as CombinationMember).weight > 0;
    if (!ok) throw new LabError(`${where}: member ${i + 1} must be {folder: "<model folder>", weight: <number > 0>}`);
  }
}

export function parseCombination(text: string, where: string): CombinationSpec {
  let json: Partial<CombinationSpec>;
  try {
    json = JSON.parse(text) as Partial<CombinationSpec>;
  } catch (e) {
    throw new LabError(`${where}: not valid JSON (${(e as Error).message})`);
  }
  if (json.format !== 'diffpir-combination' || json.version !== 1) throw new LabError(`${where}: not a diffpir-combination (version 1) file`);
  checkMembers(json.members, where);
  return { format: 'diffpir-combination', version: 1, members: json.members, rule: COMBINATION_RULE, ...(json.note ? { note: json.note } : {}) };
}

/** The text hashed into a combination's identity: its members' identities and normalised weights, in order. */
export function combinationKey(members: readonly ModelIdentity[], weights: readonly number[]): string {
  const w = normalise(weights);
  return JSON.stringify(members.map((m, i) => [m.kind, m.weights, Number(w[i].toFixed(6))]));
}

function normalise(weights: readonly number[]): number[] {
  const sum = weights.reduce((a, b) => a + b, 0);
  return weights.map((x) => x / sum);
}

/** The members' raw scores combined (see the header): same classes in every member, aligned by code. */
export function combineScores(results: readonly RecognitionScores[], weights: readonly number[], name: string): RecognitionScores {
  if (results.length !== weights.length || results.length < 2) throw new LabError('combineScores: one weight per member, at least two members');
  const w = normalise(weights);
  const codes = results[0].instruments.map((i) => i.code);
  const probOf = results.map((r, k) => {
    const m = new Map(r.instruments.map((i) => [i.code, i.probability]));
    const other = r.instruments.map((i) => i.code);
    if (other.length !== codes.length || codes.some((c) => !m.has(c))) {
      throw new LabError(`${name}: member ${k + 1} (${r.probe}) has classes ${other.join(',')}, the first member ${codes.join(',')}; a combination needs the same classes`);
    }
    return m;
  });
  const probability = codes.map((c) => probOf.reduce((a, m, k) => a + w[k] * m.get(c)!, 0));
  const top = Math.max(...probability, 1e-12);
  const base = results[0];
  const windows = base.windows.map((win) => ({
    start: win.start, end: win.end,
    probabilities: Object.fromEntries(codes.map((c) => [c, results.reduce((a, r, k) => a + w[k] * windowProbability(r, c, win.start, win.end), 0)])),
  }));
  return {
    instruments: codes.map((code, c) => ({ code, probability: probability[c], score: probability[c] / top, predicted: probability[c] >= COMBINED_THRESHOLD })),
    threshold: COMBINED_THRESHOLD,
    windows,
    model: results.map((r) => r.model).filter((m, i, a) => a.indexOf(m) === i).join(' + '),
    probe: name,
    duration: base.duration,
  };
}

/** A member's probability of class c over [start, end): the mean of its overlapping windows, else its clip probability. */
function windowProbability(r: RecognitionScores, c: string, start: number, end: number): number {
  const over = r.windows.filter((w) => w.start < end && w.end > start);
  if (over.length === 0) return r.instruments.find((i) => i.code === c)!.probability;
  return over.reduce((a, w) => a + w.probabilities[c], 0) / over.length;
}

/**
 * A Recognizer running every member (each opened without its calibration) and combining their raw
 * scores; `calibration` is the combination's own (fitted for its identity), or null.
 */
export function combinedRecognizer(
  members: readonly Recognizer[], weights: readonly number[],
  o: { name: string; identity: ModelIdentity; calibration?: Calibration | null },
): Recognizer {
  const calibration = o.calibration ?? null;
  for (const m of members) {
    if (m.calibration) throw new LabError(`${o.name}: member ${m.name} was opened with its calibration; a combination reads raw probabilities`);
  }
  return {
    name: o.name, identity: o.identity, classes: members[0].classes, calibration,
    recognize: async (samples, opts = {}) => {
      const results: RecognitionScores[] = [];
      for (const m of members) results.push(await m.recognize(samples, opts));
      return finishRecognition(combineScores(results, weights, o.name), calibration);
    },
    dispose: () => members.forEach((m) => m.dispose()),
  };
}

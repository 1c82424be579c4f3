// Evaluation types. Labels carry their split both in the type (a brand) and at run time, so a
// threshold can only be chosen from validation labels and test labels are read only for the
// final scores (see threshold.ts and metrics.ts).
export type Split = 'train' | 'validation' | 'test';

declare const splitBrand: unique symbol;

/** Multi-hot labels for a set of clips, tagged with the split they come from. */
export interface LabelSet<S extends Split = Split> {
  readonly split: S;
  readonly classes: readonly string[];
  /** One row per clip, one 0/1 entry per class. */
  readonly rows: readonly Uint8Array[];
  readonly [splitBrand]: S;
}

/** Per-clip class scores in [0, 1] (probabilities, or window means normalised by the max). */
export interface ScoreMatrix {
  readonly classes: readonly string[];
  readonly rows: readonly Float32Array[];
}

export type ThresholdMode = 'global' | 'per-class';
export type ThresholdObjective = 'micro-f1' | 'macro-f1';

/** A decision threshold, chosen on validation data only. Frozen once made. */
export interface Threshold {
  readonly mode: ThresholdMode;
  readonly objective: ThresholdObjective;
  readonly classes: readonly string[];
  /** One value per class (all equal in global mode). Predicted when score >= value. */
  readonly values: readonly number[];
  /** Always 'validation': where the threshold was chosen. */
  readonly chosenOn: 'validation';
  /** The objective's value on the validation clips at this threshold. */
  readonly validationScore: number;
  readonly validationClips: number;
}

/** Thresholded decisions: one 0/1 row per clip. */
export interface Predictions {
  readonly classes: readonly string[];
  readonly rows: readonly Uint8Array[];
}

export interface ClassMetrics {
  readonly code: string;
  readonly tp: number;
  readonly fp: number;
  readonly fn: number;
  /** Clips where the class is labelled. */
  readonly support: number;
  readonly precision: number;
  readonly recall: number;
  /** null when the class is neither labelled nor predicted anywhere (then F1 is undefined). */
  readonly f1: number | null;
}

export interface AveragedMetrics {
  readonly precision: number;
  readonly recall: number;
  readonly f1: number;
}

export interface MetricsReport {
  readonly split: Split;
  readonly clips: number;
  readonly classes: readonly ClassMetrics[];
  readonly micro: AveragedMetrics;
  /** Mean over the classes whose F1 is defined (see ClassMetrics.f1). */
  readonly macro: AveragedMetrics & { readonly classesAveraged: number };
}

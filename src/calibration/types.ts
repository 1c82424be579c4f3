// Calibration types: a per-class Platt mapping of a recognizer's clip probabilities, the
// per-class decision thresholds chosen on the calibrated validation probabilities, and the
// reliability figures (ECE, bins) measured before and after. See README.md for the file format.

/** q = sigmoid(a * logit(p) + b); a = 1, b = 0 is the identity. */
export interface PlattParams {
  a: number;
  b: number;
}

/** One class's calibration. */
export interface ClassCalibration extends PlattParams {
  code: string;
  /** Predicted when the calibrated probability is >= threshold (never below the floor). */
  threshold: number;
  /** False when the class had no validation positives or no negatives: identity mapping, threshold 0.5. */
  fitted: boolean;
  /** Validation clips labelled with / without the class. */
  positives: number;
  negatives: number;
  /** F1 of the class on the validation clips at its threshold (calibrated probabilities); null when not fitted. */
  validationF1: number | null;
  /** Why a class was not fitted, or how its fit ended, when worth saying. */
  note?: string;
}

/** One equal-width bin of a reliability diagram over (probability, label) pairs. */
export interface ReliabilityBin {
  lower: number;
  upper: number;
  count: number;
  /** Mean predicted probability in the bin; null when the bin is empty. */
  meanPredicted: number | null;
  /** Share of positive labels in the bin; null when the bin is empty. */
  fractionPositive: number | null;
}

export interface Reliability {
  /** Expected calibration error: sum over bins of count/N * |meanPredicted - fractionPositive|. */
  ece: number;
  /** Number of (clip, class) pairs. */
  pairs: number;
  bins: ReliabilityBin[];
}

/** The labelled set a calibration was fitted on. */
export interface FittedOn {
  /** A name, never an absolute path: the folder's name or a corpus id. */
  name: string;
  /** Content id of the set (12 hex digits), so a later check can tell whether it is the same set. */
  contentId: string;
  /** 'validation' for a corpus split; 'labelled folder' for a labels.json or IRMAS-style folder. */
  split: string;
  clips: number;
  /** Files of the set that could not be read and were left out. */
  skipped: number;
}

export interface ThresholdRule {
  objective: 'f1';
  floor: number;
  step: number;
  ties: string;
}

/** What calibration.json holds (format diffpir-calibration, version 1). */
export interface Calibration {
  format: 'diffpir-calibration';
  version: 1;
  method: 'platt';
  /** What the mapping reads: the recognizer's clip probability (mean of the window sigmoids). */
  input: 'clip-mean-probability';
  created?: string;
  /** The model folder it belongs to: its kind and the SHA-256 (16 hex) of its weights file. */
  model: { kind: 'probe' | 'han' | 'combination'; weights: string };
  fittedOn: FittedOn;
  thresholdRule: ThresholdRule;
  classes: ClassCalibration[];
  /** Before = raw probabilities, after = calibrated; both on the set it was fitted on (in-sample). */
  ece: { before: number; after: number; bins: number; pairs: number };
  reliability: { before: ReliabilityBin[]; after: ReliabilityBin[] };
}

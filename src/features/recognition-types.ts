// The recognition result both pipelines return (a probe on U-Net features, recognize.ts; a Han
// CNN on the log-mel, src/baseline/recognize-han.ts), and what the app and the CLI print.
// RecognitionScores is the model's own output; RecognitionResult adds the "not sure" state,
// the top 3 and, when the model folder has calibration.json, calibrated probabilities
// (confidence.ts). Fields of RecognitionScores keep their meaning; new ones are only added.

export interface InstrumentScore {
  code: string;
  /** Mean over the windows of the model's sigmoid output (the raw clip probability). */
  probability: number;
  /** The aggregated score the model's own threshold applies to (probability / the top class's probability). */
  score: number;
  /** Named by the decision rule in force: the model's rule (score >= threshold) or, calibrated, calibrated >= threshold. */
  predicted: boolean;
  /** The calibrated clip probability; present only when a calibration was applied. */
  calibrated?: number;
}

export interface RecognitionScores {
  instruments: InstrumentScore[];
  /** The threshold of the decision rule in force: one value (global) or one per class. */
  threshold: number | Record<string, number>;
  windows: { start: number; end: number; probabilities: Record<string, number> }[];
  model: string;
  probe: string;
  duration: number;
}

export type Confidence = 'confident' | 'not-sure';

/** What a result says about the calibration it used (null: none, raw probabilities). */
export interface CalibrationSummary {
  /** The validation set it was fitted on (a name, never a path) and its content id. */
  fittedOn: string;
  contentId: string;
  clips: number;
  eceBefore: number;
  eceAfter: number;
}

export interface RecognitionResult extends RecognitionScores {
  /** 'model-rule': predicted = score >= the model's validation threshold; 'calibrated': calibrated >= the class's calibrated threshold. */
  decision: 'model-rule' | 'calibrated';
  /** Codes recognized with confidence, most probable first (empty when not sure). */
  recognized: string[];
  confidence: Confidence;
  /** One line for people: "Recognized: piano (pia, 0.83)" or "No instrument recognized with confidence". */
  verdict: string;
  /** The three most probable classes (calibrated probability when calibrated, else raw), always listed. */
  top3: { code: string; probability: number }[];
  calibration: CalibrationSummary | null;
}

// The confidence state of one answer in words (the app spells "recognized" with a z): the
// headline, the rule a class must pass, the threshold each class uses, and the probability the
// rule reads (calibrated when the model folder has calibration.json, else raw). Older answers
// kept from before results carried a confidence (no `confidence` field) get no state.
import { CLASS_NAMES, isIrmasClass } from '../../../corpus/classes.ts';
import { UNCALIBRATED_MIN_PROBABILITY } from '../../../features/confidence.ts';
import type { RecognitionResult } from '../../../features/recognition-types.ts';

export const NOT_SURE_HEADLINE = 'No instrument recognized with confidence';

const nameOf = (code: string) => (isIrmasClass(code) ? CLASS_NAMES[code] : code);

export function hasConfidence(r: Partial<RecognitionResult>): r is RecognitionResult {
  return r.confidence === 'confident' || r.confidence === 'not-sure';
}

/** The probability the decision reads for a class: calibrated when calibrated, else raw. */
export function ruleProbability(r: RecognitionResult, code: string): number {
  const i = r.instruments.find((x) => x.code === code);
  return (r.decision === 'calibrated' ? i?.calibrated : i?.probability) ?? 0;
}

/** "Recognized with confidence: piano (pia, 0.83), voice (voi, 0.61)" or the not-sure headline. */
export function confidenceHeadline(r: RecognitionResult): string {
  if (r.confidence === 'not-sure' || r.recognized.length === 0) return NOT_SURE_HEADLINE;
  return `Recognized with confidence: ${r.recognized.map((c) => `${nameOf(c)} (${c}, ${ruleProbability(r, c).toFixed(2)})`).join(', ')}`;
}

/** What class `code` must reach to count as recognized. */
export function thresholdWords(r: RecognitionResult, code: string): string {
  const t = typeof r.threshold === 'number' ? r.threshold : r.threshold[code];
  if (r.decision === 'calibrated') return t === undefined ? '?' : `≥ ${t.toFixed(2)}`;
  return `score ≥ ${t === undefined ? '?' : t.toFixed(2)} and ≥ ${UNCALIBRATED_MIN_PROBABILITY.toFixed(2)}`;
}

/** One or two sentences: how this answer decides, and on what the calibration was fitted (who: "The probe", whose: "the probe’s"). */
export function ruleSentence(r: RecognitionResult, who: string, whose: string): string {
  if (r.decision === 'calibrated' && r.calibration) {
    const c = r.calibration;
    return `${who} is calibrated on ${c.fittedOn} (${c.clips} clips): each class has its own threshold on the calibrated probability, and a class is recognized when it reaches it. ` +
      `Calibration error (ECE) on that set: ${c.eceBefore.toFixed(3)} raw, ${c.eceAfter.toFixed(3)} calibrated.`;
  }
  return `${who} has no calibration file, so raw probabilities are used: a class is recognized when ${whose} rule names it (its score, the probability divided by the top class's, reaches the threshold) and its probability is at least ${UNCALIBRATED_MIN_PROBABILITY.toFixed(2)}.`;
}

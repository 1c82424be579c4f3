// The last step of recognition: from the model's scores to what a reviewer can trust.
// - With a calibration (calibration.json of the model folder, src/calibration): every class gets
//   its calibrated probability, `predicted` becomes calibrated >= the class's threshold, and the
//   clip is 'confident' when at least one class passes.
// - Without one: `predicted` stays the model's rule (mean-max score >= its threshold, which always
//   names the top class), and a predicted class counts as recognized only when its raw
//   probability is at least UNCALIBRATED_MIN_PROBABILITY (0.5), so silence or an out-of-class
//   sound whose best class is weak is 'not-sure' instead of naming the least-bad class.
// In both cases the top 3 classes are listed with their probabilities.
import { alignCalibration, calibrateRow } from '../calibration/apply.ts';
import type { Calibration } from '../calibration/types.ts';
import { CLASS_NAMES, type IrmasClass } from '../corpus/classes.ts';
import type { CalibrationSummary, RecognitionResult, RecognitionScores } from './recognition-types.ts';

export const UNCALIBRATED_MIN_PROBABILITY = 0.5;
export const NOT_SURE_VERDICT = 'No instrument recognized with confidence';

export const className = (code: string): string => CLASS_NAMES[code as IrmasClass] ?? code;

export function summariseCalibration(cal: Calibration): CalibrationSummary {
  return { fittedOn: cal.fittedOn.name, contentId: cal.fittedOn.contentId, clips: cal.fittedOn.clips, eceBefore: cal.ece.before, eceAfter: cal.ece.after };
}

export function finishRecognition(scores: RecognitionScores, calibration?: Calibration | null): RecognitionResult {
  const codes = scores.instruments.map((i) => i.code);
  let instruments = scores.instruments;
  let threshold = scores.threshold;
  let ranked: { code: string; probability: number; sure: boolean }[];
  if (calibration) {
    const aligned = alignCalibration(calibration, codes, `calibration (fitted on ${calibration.fittedOn.name})`);
    const { probabilities, passes } = calibrateRow(aligned, scores.instruments.map((i) => i.probability));
    instruments = scores.instruments.map((i, c) => ({ ...i, predicted: passes[c], calibrated: probabilities[c] }));
    threshold = Object.fromEntries(aligned.map((c) => [c.code, c.threshold]));
    ranked = instruments.map((i, c) => ({ code: i.code, probability: probabilities[c], sure: passes[c] }));
  } else {
    ranked = instruments.map((i) => ({ code: i.code, probability: i.probability, sure: i.predicted && i.probability >= UNCALIBRATED_MIN_PROBABILITY }));
  }
  // Most probable first; equal probabilities keep the model's class order.
  ranked = ranked.map((r, i) => ({ r, i })).sort((x, y) => y.r.probability - x.r.probability || x.i - y.i).map((x) => x.r);
  const recognized = ranked.filter((r) => r.sure);
  return {
    ...scores,
    instruments,
    threshold,
    decision: calibration ? 'calibrated' : 'model-rule',
    recognized: recognized.map((r) => r.code),
    confidence: recognized.length ? 'confident' : 'not-sure',
    verdict: recognized.length
      ? `Recognized: ${recognized.map((r) => `${className(r.code)} (${r.code}, ${r.probability.toFixed(2)})`).join(', ')}`
      : NOT_SURE_VERDICT,
    top3: ranked.slice(0, 3).map(({ code, probability }) => ({ code, probability })),
    calibration: calibration ? summariseCalibration(calibration) : null,
  };
}

// Public surface of calibration (pure TypeScript, browser-safe, no TensorFlow.js): per-class
// Platt scaling of clip probabilities fitted on a validation set, per-class thresholds on the
// calibrated probabilities, ECE and reliability bins, and the calibration.json format.
// Typical use:
//   const cal = fitCalibration({ probabilities, labels: labelSet('validation', classes, rows), fittedOn, model });
//   const { probabilities: q, passes } = calibrateRow(alignCalibration(cal, classes), rawRow);
export type { Calibration, ClassCalibration, FittedOn, PlattParams, Reliability, ReliabilityBin, ThresholdRule } from './types.ts';
export { LOGIT_EPS, PLATT_RIDGE, applyPlatt, fitPlatt, logit, sigmoid, type PlattFit } from './platt.ts';
export { DEFAULT_BINS, reliability } from './reliability.ts';
export { DEFAULT_THRESHOLD_RULE, chooseClassThreshold, f1At } from './thresholds.ts';
export { alignCalibration, calibrateRow, calibratedProbability, round4 } from './apply.ts';
export { fitCalibration, type CalibrationInput, type FitCalibrationOptions } from './fit.ts';
export { CALIBRATION_FILE, CALIBRATION_FORMAT, formatCalibration, parseCalibration, readCalibrationText } from './file.ts';

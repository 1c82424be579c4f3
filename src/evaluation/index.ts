// Public surface of evaluation: IRMAS-style multi-label scoring with a validation-only threshold.
// Typical use:
//   const t = chooseThreshold(valScores, labelSet('validation', classes, valRows));
//   const report = classWiseMetrics(applyThreshold(testScores, t), labelSet('test', classes, testRows));
export type {
  AveragedMetrics, ClassMetrics, LabelSet, MetricsReport, Predictions, ScoreMatrix, Split, Threshold,
  ThresholdMode, ThresholdObjective,
} from './types.ts';
export { labelSet, scoreMatrix } from './labels.ts';
export { classWiseMetrics } from './metrics.ts';
export { multiLabelConfusion, type Confusion } from './confusion.ts';
export { applyThreshold, chooseThreshold, thresholdFromJson, type ThresholdOptions } from './threshold.ts';
export { aggregateByClip, aggregateWindows, slidingWindows, type Aggregation, type WindowSpan } from './windows.ts';
export { evaluateWithValidationThreshold, type EvaluationResult } from './evaluate.ts';
export { NO_SOURCE, labelledSources, reportsBySource, type ScoredSplit, type SourceReport } from './by-source.ts';

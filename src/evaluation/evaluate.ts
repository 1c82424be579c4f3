// The whole scoring step in order: threshold from validation, decisions on test scores, and
// only then the test labels, for the final report.
import { classWiseMetrics } from './metrics.ts';
import { applyThreshold, chooseThreshold, type ThresholdOptions } from './threshold.ts';
import type { LabelSet, MetricsReport, Predictions, ScoreMatrix, Threshold } from './types.ts';

export interface EvaluationResult {
  threshold: Threshold;
  validation: MetricsReport;
  testPredictions: Predictions;
  test: MetricsReport;
}

export function evaluateWithValidationThreshold(
  validation: { scores: ScoreMatrix; labels: LabelSet<'validation'> },
  test: { scores: ScoreMatrix; labels: LabelSet<'test'> },
  options: ThresholdOptions = {},
): EvaluationResult {
  const threshold = chooseThreshold(validation.scores, validation.labels, options);
  const validationReport = classWiseMetrics(applyThreshold(validation.scores, threshold), validation.labels);
  const testPredictions = applyThreshold(test.scores, threshold);
  return { threshold, validation: validationReport, testPredictions, test: classWiseMetrics(testPredictions, test.labels) };
}

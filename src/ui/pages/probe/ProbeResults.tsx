// The trained probe's figures: how training ended, validation and test micro/macro F1, and the
// class-wise test precision/recall/F1 as a table and bars, with provenance and exports.
import { memo } from 'react';
import type { ProbeTrainResult } from '../../../compute/messages/probe-train.ts';
import { ChartFigure } from '../experiment/ChartFigure.tsx';
import { ClassF1Chart } from '../experiment/ClassF1Chart.tsx';
import { ClassMetricsTable } from '../experiment/ClassMetricsTable.tsx';
import { metricsCsv } from '../experiment/csv.ts';
import { headName, provenanceLine } from '../experiment/provenance.ts';

const STOPS: Record<string, string> = { patience: 'early stopping: no better validation loss', 'max-epochs': 'the most epochs set', cancelled: 'stopped by you' };

export const ProbeResults = memo(function ProbeResults({ result }: { result: ProbeTrainResult }) {
  const name = `${headName(result.provenance.head)} probe`;
  const rows = result.test.classes.map((c) => ({ code: c.code, f1: c.f1 }));
  const line = provenanceLine(result.provenance);
  return (
    <section aria-labelledby="probe-results-heading" className="lab-results">
      <h3 id="probe-results-heading">Results</h3>
      <p data-testid="probe-summary">
        Training ended after {result.epochs.length} epochs ({STOPS[result.stopReason] ?? result.stopReason}); kept epoch {result.bestEpoch}.{' '}
        {result.parameters.toLocaleString('en')} parameters on [{result.featureShape.join(', ')}] features;{' '}
        {result.examples.train} training, {result.examples.validation} validation and {result.examples.test} test windows;{' '}
        features {result.seconds.features.toFixed(1)} s, training {result.seconds.training.toFixed(1)} s.
      </p>
      {(result.warnings ?? []).map((w) => <p key={w} className="message">{w}</p>)}
      <dl className="lab-scores">
        <dt>Validation micro F1</dt><dd data-testid="probe-val-micro">{result.validation.microF1.toFixed(3)}</dd>
        <dt>Test micro F1</dt><dd data-testid="probe-test-micro">{result.test.micro.f1.toFixed(3)}</dd>
        <dt>Test macro F1</dt><dd data-testid="probe-test-macro">{result.test.macro.f1.toFixed(3)}</dd>
      </dl>
      <ChartFigure
        title={`Class-wise test F1, ${name}`}
        provenance={[line, 'Clip-level scores; threshold chosen on validation only.']}
        csv={() => metricsCsv([{ name, report: result.test, provenance: result.provenance }])}
        json={() => ({ ...result, probe: undefined })}
      >
        <ClassF1Chart rows={rows} series={[{ key: 'f1', name }]} />
      </ChartFigure>
      <ClassMetricsTable caption={`Class-wise test precision, recall and F1 (${name})`} systems={[{ name, report: result.test }]} />
    </section>
  );
});

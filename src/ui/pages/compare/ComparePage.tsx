// Compare (Figure 3 style): class-wise test F1 of chosen probes against the Han CNN trained here,
// their micro and macro F1, and Han et al.'s published IRMAS figures as reference lines
// (labelled as IRMAS figures when the data is not IRMAS); and a labelled folder of your own scored
// by the probe and the Han CNN side by side (FolderScorePanel).
import { useEffect } from 'react';
import { ChartFigure } from '../experiment/ChartFigure.tsx';
import { ClassF1Chart } from '../experiment/ClassF1Chart.tsx';
import { ClassMetricsTable } from '../experiment/ClassMetricsTable.tsx';
import { metricsCsv } from '../experiment/csv.ts';
import { provenanceLine } from '../experiment/provenance.ts';
import { classF1Rows, HAN_IRMAS, referenceLabel, seriesKey, summaryRows, type CompareSeries } from './compare-data.ts';
import { useCompare } from './compare-state.ts';
import { FolderScorePanel } from './FolderScorePanel.tsx';
import { HanPanel } from './HanPanel.tsx';

export function ComparePage() {
  const s = useCompare();
  useEffect(() => void useCompare.getState().load(), []);
  const series: CompareSeries[] = [];
  s.probes.filter((p) => s.selectedProbes.includes(p.id)).forEach((p) => {
    series.push({ key: seriesKey(p.id, series.length), name: p.name, report: p.result!.test, provenance: p.result!.provenance });
  });
  const han = s.hans.find((h) => h.id === s.selectedHan);
  if (han) series.push({ key: seriesKey(han.id, series.length), name: 'Han CNN (here)', report: han.result.test, provenance: han.result.provenance });
  const ref = referenceLabel(series);
  const dataSets = new Set(series.map((x) => x.provenance.data));
  return (
    <section className="compare-page" aria-labelledby="compare-heading">
      <h2 id="compare-heading">Compare probes with the Han et al. CNN</h2>
      <fieldset className="lab-form">
        <legend>Probes (saved on the Probe page)</legend>
        {s.probes.length === 0 && <p className="hint">No probe with figures is saved yet: train and save one on the Probe page.</p>}
        {s.probes.map((p) => (
          <label key={p.id} className="head-choice">
            <input type="checkbox" checked={s.selectedProbes.includes(p.id)} onChange={() => s.toggleProbe(p.id)} />
            <span>{p.name}</span>
            <span className="hint">test micro F1 {p.result!.test.micro.f1.toFixed(3)}</span>
          </label>
        ))}
      </fieldset>
      <HanPanel />
      {s.error && <p role="alert" className="error">{s.error}</p>}
      {series.length > 0 && (
        <>
          {dataSets.size > 1 && <p className="message">These systems were scored on different data; compare them with care.</p>}
          <table className="lab-table" aria-label="Micro and macro F1">
            <caption>Test micro and macro F1 (clip level, thresholds chosen on validation)</caption>
            <thead><tr><th scope="col">system</th><th scope="col">micro F1</th><th scope="col">macro F1</th><th scope="col">test clips</th></tr></thead>
            <tbody>
              {summaryRows(series).map((r) => (
                <tr key={r.key}><th scope="row">{r.name}</th><td data-metric="micro">{r.micro.toFixed(3)}</td><td data-metric="macro">{r.macro.toFixed(3)}</td><td>{r.clips}</td></tr>
              ))}
              <tr><th scope="row">{ref}</th><td>{HAN_IRMAS.micro.toFixed(3)}</td><td>{HAN_IRMAS.macro.toFixed(3)}</td><td>IRMAS test set</td></tr>
            </tbody>
          </table>
          <ChartFigure
            title="Class-wise test F1: probes vs the Han CNN"
            provenance={[...series.map((x) => `${x.name}: ${provenanceLine(x.provenance)}`), `Dashed lines: ${ref}, micro ${HAN_IRMAS.micro} and macro ${HAN_IRMAS.macro}.`]}
            csv={() => metricsCsv(series.map((x) => ({ name: x.name, report: x.report, provenance: x.provenance })))}
            json={() => ({ systems: series.map(({ name, report, provenance }) => ({ name, report, provenance })), published: { source: ref, ...HAN_IRMAS } })}
          >
            <ClassF1Chart rows={classF1Rows(series)} series={series.map((x) => ({ key: x.key, name: x.name }))}
              references={[{ value: HAN_IRMAS.micro, label: `IRMAS micro ${HAN_IRMAS.micro} (Han et al.)` }, { value: HAN_IRMAS.macro, label: `IRMAS macro ${HAN_IRMAS.macro} (Han et al.)` }]} />
          </ChartFigure>
          <ClassMetricsTable caption="Class-wise test precision, recall and F1" systems={series.map((x) => ({ name: x.name, report: x.report }))} />
        </>
      )}
      <FolderScorePanel />
    </section>
  );
}

// A model folder's calibration.json, when it has one: on what it was fitted, the ECE before and
// after, a reliability diagram (share of positives against mean predicted probability, raw and
// calibrated, the diagonal being perfect) and each class's mapping and threshold.
import { useEffect, useState } from 'react';
import { CartesianGrid, Legend, ReferenceLine, ResponsiveContainer, Scatter, ScatterChart, Tooltip, XAxis, YAxis } from 'recharts';
import { readCalibrationText } from '../../../calibration/file.ts';
import type { Calibration } from '../../../calibration/types.ts';
import { isServedFile } from '../../../common/served-file.ts';
import { messageOf } from '../../state/lab-locations.ts';
import { ChartFigure } from '../experiment/ChartFigure.tsx';
import { SERIES_COLOURS } from '../experiment/ClassF1Chart.tsx';
import { calibrationSentence, reliabilityPoints } from './reliability-data.ts';

/** Fetches and checks `url` (a calibration.json); null while reading or when absent (404, or a web page sent instead). */
function useCalibration(url: string | null): { cal: Calibration | null; error: string | null } {
  const [cal, setCal] = useState<Calibration | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    if (!url) return;
    let live = true;
    fetch(url)
      .then((r) => (isServedFile(r) ? r.text() : r.ok || r.status === 404 ? null : Promise.reject(new Error(`HTTP ${r.status}`))))
      .then((t) => live && t !== null && setCal(readCalibrationText(t, url.replace(/^.*\/models\//, 'models/'))))
      .catch((e) => live && setError(messageOf(e)));
    return () => {
      live = false;
    };
  }, [url]);
  return { cal, error };
}

export function CalibrationPanel({ folder, url }: { folder: string; url: string | null }) {
  const { cal, error } = useCalibration(url);
  if (error) return <p className="error" role="alert">{folder}/calibration.json could not be read: {error}</p>;
  if (!cal) return null;
  const raw = reliabilityPoints(cal.reliability.before);
  const calibrated = reliabilityPoints(cal.reliability.after);
  const f2 = (x: number | null) => (x === null ? '–' : x.toFixed(2));
  return (
    <section className="calibration-panel" aria-label={`Calibration of ${folder}`}>
      <h4>Calibration (calibration.json)</h4>
      <p className="hint" data-testid="calibration-summary">{calibrationSentence(cal)}</p>
      <ChartFigure title={`Reliability of ${folder}`}
        provenance={[`${folder}/calibration.json · ${cal.method} per class · fitted on ${cal.fittedOn.name} (${cal.fittedOn.contentId})${cal.created ? ` · ${cal.created.slice(0, 10)}` : ''}`]}
        json={() => cal}
        after={
          <details>
            <summary>Each class: mapping and threshold</summary>
            <div className="table-scroll">
              <table className="lab-table">
                <caption>Calibrated probability = sigmoid(a · logit(p) + b); a class is recognized when it reaches its threshold</caption>
                <thead><tr><th scope="col">class</th><th scope="col">a</th><th scope="col">b</th><th scope="col">threshold</th><th scope="col">validation F1</th><th scope="col">clips with / without</th><th scope="col">note</th></tr></thead>
                <tbody>
                  {cal.classes.map((c) => (
                    <tr key={c.code}>
                      <th scope="row">{c.code}</th><td>{c.a.toFixed(2)}</td><td>{c.b.toFixed(2)}</td><td>{c.threshold.toFixed(2)}</td>
                      <td>{f2(c.validationF1)}</td><td>{c.positives} / {c.negatives}</td><td className="hint">{c.fitted ? c.note ?? '' : c.note ?? 'not fitted'}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          </details>
        }>
        <p className="hint">Each point is one bin of probabilities: how probable the model said (across) against how often the class was really there (up). On the diagonal, the probabilities mean what they say.</p>
        <ResponsiveContainer width="100%" height={300}>
          <ScatterChart margin={{ top: 8, right: 24, bottom: 24, left: 16 }}>
            <CartesianGrid strokeDasharray="3 3" />
            <XAxis type="number" dataKey="x" domain={[0, 1]} ticks={[0, 0.2, 0.4, 0.6, 0.8, 1]} label={{ value: 'mean predicted probability', position: 'insideBottom', offset: -12 }} />
            <YAxis type="number" dataKey="y" domain={[0, 1]} ticks={[0, 0.2, 0.4, 0.6, 0.8, 1]} label={{ value: 'share present', angle: -90, position: 'insideLeft' }} />
            <Tooltip formatter={(v) => (typeof v === 'number' ? v.toFixed(3) : String(v))} />
            <Legend verticalAlign="top" />
            <ReferenceLine segment={[{ x: 0, y: 0 }, { x: 1, y: 1 }]} stroke="#999" strokeDasharray="4 4" ifOverflow="extendDomain" />
            <Scatter name={`raw (ECE ${cal.ece.before.toFixed(3)})`} data={raw} fill={SERIES_COLOURS[1]} line shape="circle" isAnimationActive={false} />
            <Scatter name={`calibrated (ECE ${cal.ece.after.toFixed(3)})`} data={calibrated} fill={SERIES_COLOURS[0]} line shape="square" isAnimationActive={false} />
          </ScatterChart>
        </ResponsiveContainer>
      </ChartFigure>
    </section>
  );
}

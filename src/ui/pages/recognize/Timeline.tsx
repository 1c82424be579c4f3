// The clip's timeline: per-window probabilities of the named instruments over time (round
// seconds on the axis), and a grid of every class by window (start-end in seconds, a colour scale
// with its legend, the value printed in each cell when the windows are few).
import { useId } from 'react';
import { CartesianGrid, Legend, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { RecognitionResult } from '../../../features/recognize.ts';
import { SERIES_COLOURS } from '../experiment/ClassF1Chart.tsx';
import { cellColour, formatSeconds, timeAxisTicks, timelineClasses, timelineRows } from './timeline-data.ts';

export function TimelineChart({ result }: { result: RecognitionResult }) {
  const rows = timelineRows(result);
  const classes = timelineClasses(result);
  const ticks = timeAxisTicks(result.duration);
  return (
    <ResponsiveContainer width="100%" height={240}>
      <LineChart data={rows} margin={{ top: 8, right: 24, bottom: 16, left: 0 }}>
        <CartesianGrid strokeDasharray="3 3" />
        <XAxis dataKey="t" type="number" domain={[0, ticks[ticks.length - 1]]} ticks={ticks} tickFormatter={(v: number) => `${formatSeconds(v)} s`}
          label={{ value: 'time (window centre)', position: 'insideBottom', offset: -8 }} />
        <YAxis domain={[0, 1]} ticks={[0, 0.25, 0.5, 0.75, 1]} label={{ value: 'probability', angle: -90, position: 'insideLeft' }} />
        <Tooltip formatter={(v) => (typeof v === 'number' ? v.toFixed(3) : String(v))} labelFormatter={(t) => `${formatSeconds(Number(t))} s`} />
        <Legend verticalAlign="top" />
        {classes.map((c, i) => (
          <Line key={c} dataKey={c} name={c} stroke={SERIES_COLOURS[i % SERIES_COLOURS.length]} isAnimationActive={false} dot={rows.length <= 3} />
        ))}
      </LineChart>
    </ResponsiveContainer>
  );
}

export function TimelineGrid({ result }: { result: RecognitionResult }) {
  const showValues = result.windows.length <= 14;
  const captionId = useId();
  return (
    <div className="table-scroll">
      <p className="hint" id={captionId}>Every class by window (start-end in seconds): darker is more probable.</p>
      <table className="timeline" aria-labelledby={captionId}>
        <thead>
          <tr>
            <td />
            {result.windows.map((w) => <th key={w.start} scope="col" className="hint">{formatSeconds(w.start)}–{formatSeconds(w.end)}</th>)}
          </tr>
        </thead>
        <tbody>
          {result.instruments.map((i) => (
            <tr key={i.code}>
              <th scope="row">{i.code}</th>
              {result.windows.map((w) => {
                const p = w.probabilities[i.code] ?? 0;
                const c = cellColour(p);
                return (
                  <td key={w.start} title={`${i.code} ${formatSeconds(w.start)}-${formatSeconds(w.end)} s: ${p.toFixed(3)}`} style={{ background: c.background, color: c.text }}>
                    {showValues ? p.toFixed(2) : ''}
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
      <div className="timeline-legend" aria-label="Colour scale: probability 0 to 1">
        <span>0</span><span className="timeline-legend-bar" /><span>1</span><span className="hint">probability</span>
      </div>
    </div>
  );
}

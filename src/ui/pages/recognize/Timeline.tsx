// The clip's timeline: per-window probabilities of the predicted instruments over time (seconds),
// and a grid of every class by window (darker = more probable).
import { CartesianGrid, Legend, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { RecognitionResult } from '../../../features/recognize.ts';
import { SERIES_COLOURS } from '../experiment/ClassF1Chart.tsx';
import { timelineClasses, timelineRows } from './timeline-data.ts';

export function TimelineChart({ result }: { result: RecognitionResult }) {
  const rows = timelineRows(result);
  const classes = timelineClasses(result);
  return (
    <ResponsiveContainer width="100%" height={240}>
      <LineChart data={rows} margin={{ top: 8, right: 24, bottom: 16, left: 0 }}>
        <CartesianGrid strokeDasharray="3 3" />
        <XAxis dataKey="t" type="number" domain={[0, result.duration]} unit=" s" label={{ value: 'time (window centre)', position: 'insideBottom', offset: -8 }} />
        <YAxis domain={[0, 1]} label={{ value: 'probability', angle: -90, position: 'insideLeft' }} />
        <Tooltip formatter={(v) => (typeof v === 'number' ? v.toFixed(3) : String(v))} labelFormatter={(t) => `${t} s`} />
        <Legend verticalAlign="top" />
        {classes.map((c, i) => (
          <Line key={c} dataKey={c} name={c} stroke={SERIES_COLOURS[i % SERIES_COLOURS.length]} isAnimationActive={false} />
        ))}
      </LineChart>
    </ResponsiveContainer>
  );
}

export function TimelineGrid({ result }: { result: RecognitionResult }) {
  return (
    <div className="table-scroll">
      <table className="timeline">
        <caption className="hint">Every class by window (start-end in seconds); darker is more probable.</caption>
        <thead>
          <tr>
            <td />
            {result.windows.map((w) => <th key={w.start} scope="col" className="hint">{w.start.toFixed(1)}</th>)}
          </tr>
        </thead>
        <tbody>
          {result.instruments.map((i) => (
            <tr key={i.code}>
              <th scope="row">{i.code}</th>
              {result.windows.map((w) => {
                const p = w.probabilities[i.code] ?? 0;
                return <td key={w.start} title={`${i.code} ${w.start}-${w.end} s: ${p.toFixed(3)}`} style={{ background: `rgba(47, 93, 138, ${p.toFixed(3)})` }} />;
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

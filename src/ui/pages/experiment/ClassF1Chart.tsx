// Grouped bars of class-wise F1 (Figure 3 style), one colour per system, optional horizontal
// reference lines (e.g. published micro/macro F1).
import { Bar, BarChart, CartesianGrid, Legend, ReferenceLine, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';

export const SERIES_COLOURS = ['#2f5d8a', '#c0392b', '#7a9a3a', '#8e5aa8', '#d08a1c', '#3b8c8c'];

export interface BarSeries {
  key: string;
  name: string;
  colour?: string;
}

export interface ReferenceMark {
  value: number;
  label: string;
}

export function ClassF1Chart({ rows, series, references = [], height = 300 }: {
  rows: Record<string, unknown>[];
  series: BarSeries[];
  references?: ReferenceMark[];
  height?: number;
}) {
  return (
    <ResponsiveContainer width="100%" height={height}>
      <BarChart data={rows} margin={{ top: 16, right: 24, bottom: 8, left: 0 }}>
        <CartesianGrid strokeDasharray="3 3" vertical={false} />
        <XAxis dataKey="code" />
        <YAxis domain={[0, 1]} tickCount={6} label={{ value: 'F1', angle: -90, position: 'insideLeft' }} />
        <Tooltip formatter={(v) => (typeof v === 'number' ? v.toFixed(3) : String(v))} />
        <Legend />
        {series.map((s, i) => (
          <Bar key={s.key} dataKey={s.key} name={s.name} fill={s.colour ?? SERIES_COLOURS[i % SERIES_COLOURS.length]} isAnimationActive={false} />
        ))}
        {references.map((r) => (
          <ReferenceLine key={r.label} y={r.value} stroke="#555" strokeDasharray="6 4" label={{ value: r.label, position: 'insideTopRight', fontSize: 11 }} />
        ))}
      </BarChart>
    </ResponsiveContainer>
  );
}

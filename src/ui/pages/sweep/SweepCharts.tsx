// The paper's Figure 2, live: (a) test F1 vs sigma (MLP at the stage-1 tap), (b) per tap at the
// chosen sigma, (c) per head at the chosen (sigma, tap); the random-init control alongside and
// the Han CNN as a dashed line. Each with provenance and exports.
import { modelTitle } from '../../naming.ts';
import { memo } from 'react';
import { Bar, BarChart, CartesianGrid, Legend, Line, LineChart, ReferenceLine, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { SweepResults } from '../../../sweep/types.ts';
import { ChartFigure } from '../experiment/ChartFigure.tsx';
import { sweepCsv } from '../experiment/csv.ts';
import { headName } from '../experiment/provenance.ts';
import { baselineF1, headRows, sigmaRows, tapRows, type SweepRow } from './sweep-charts.ts';

const SUBJECT = '#2f5d8a';
const CONTROL = '#b0b7c3';
const fmt = (v: unknown) => (typeof v === 'number' ? v.toFixed(3) : String(v));

function Han({ value }: { value: number | null }) {
  return value === null ? null : <ReferenceLine y={value} stroke="#c0392b" strokeDasharray="6 4" label={{ value: `Han CNN ${value.toFixed(3)}`, position: 'insideTopRight', fontSize: 11 }} />;
}

function Bars({ rows, han, subject, control }: { rows: SweepRow[]; han: number | null; subject: string; control: string | null }) {
  return (
    <ResponsiveContainer width="100%" height={260}>
      <BarChart data={rows.map((r) => ({ ...r, label: r.chosen ? `${r.label} *` : r.label }))} margin={{ top: 16, right: 16, bottom: 40, left: 0 }}>
        <CartesianGrid strokeDasharray="3 3" vertical={false} />
        <XAxis dataKey="label" angle={-25} textAnchor="end" interval={0} fontSize={11} />
        <YAxis domain={[0, 1]} label={{ value: 'test micro F1', angle: -90, position: 'insideLeft' }} />
        <Tooltip formatter={fmt} />
        <Legend verticalAlign="top" />
        <Bar dataKey="subject" name={subject} fill={SUBJECT} isAnimationActive={false} />
        {control && <Bar dataKey="control" name={modelTitle(control, true)} fill={CONTROL} isAnimationActive={false} />}
        <Han value={han} />
      </BarChart>
    </ResponsiveContainer>
  );
}

export const SweepCharts = memo(function SweepCharts({ results }: { results: SweepResults }) {
  const han = baselineF1(results);
  const subject = results.subject.id;
  const control = results.control ? results.control.id : null;
  const ch = results.choices;
  const base = `model ${subject}${control ? ` · ${modelTitle(control, true)}` : ''} · data ${results.corpus.id} · backend ${results.backend} · noise seed ${results.settings.noiseSeed}, probe seed ${results.settings.probeSeed}`;
  const csv = () => sweepCsv(results);
  const json = () => results;
  const sigma = sigmaRows(results);
  const taps = tapRows(results);
  const heads = headRows(results).map((r) => ({ ...r, label: headName(r.label) }));
  return (
    <div className="fig-grid">
      <ChartFigure title="(a) F1 vs noise level sigma" provenance={[`${base} · sigma ${results.settings.sigmas.join(', ')} · tap ${results.stage1Tap} · head MLP`, '* chosen by validation micro F1 of the subject model']} csv={csv} json={json}>
        <ResponsiveContainer width="100%" height={260}>
          <LineChart data={sigma} margin={{ top: 16, right: 16, bottom: 24, left: 0 }}>
            <CartesianGrid strokeDasharray="3 3" />
            <XAxis dataKey="label" label={{ value: 'sigma', position: 'insideBottom', offset: -12 }} />
            <YAxis domain={[0, 1]} label={{ value: 'test micro F1', angle: -90, position: 'insideLeft' }} />
            <Tooltip formatter={fmt} />
            <Legend verticalAlign="top" />
            <Line dataKey="subject" name={subject} stroke={SUBJECT} connectNulls isAnimationActive={false} />
            {control && <Line dataKey="control" name={modelTitle(control, true)} stroke={CONTROL} strokeDasharray="4 3" connectNulls isAnimationActive={false} />}
            {ch.sigma && <ReferenceLine x={String(ch.sigma.value)} stroke={SUBJECT} strokeDasharray="2 2" />}
            <Han value={han} />
          </LineChart>
        </ResponsiveContainer>
      </ChartFigure>
      <ChartFigure title="(b) F1 per tap" provenance={[`${base} · sigma ${ch.sigma?.value ?? 'not chosen yet'} · taps ${results.stage2Taps.join(', ')} · head MLP`]} csv={csv} json={json}>
        {taps.length ? <Bars rows={taps} han={han} subject={subject} control={control} /> : <p className="hint">Waits for stage 1 to choose sigma.</p>}
      </ChartFigure>
      <ChartFigure title="(c) F1 per head" provenance={[`${base} · sigma ${ch.sigma?.value ?? '?'} · tap ${ch.tap?.value ?? 'not chosen yet'} · heads ${results.settings.heads.map(headName).join(', ')}`]} csv={csv} json={json}>
        {heads.length ? <Bars rows={heads} han={han} subject={subject} control={control} /> : <p className="hint">Waits for stage 2 to choose the tap.</p>}
      </ChartFigure>
    </div>
  );
});

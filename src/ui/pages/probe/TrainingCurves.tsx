// Live training curves: train and validation loss, and validation micro F1, per epoch.
import { memo } from 'react';
import { CartesianGrid, Legend, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { EpochReport } from '../../../probes/fit.ts';

export const TrainingCurves = memo(function TrainingCurves({ epochs }: { epochs: EpochReport[] }) {
  const rows = epochs.map((e) => ({ epoch: e.epoch, train: e.trainLoss, validation: e.valLoss, f1: e.valMicroF1 }));
  return (
    <div className="curves">
      <ResponsiveContainer width="100%" height={220}>
        <LineChart data={rows} margin={{ top: 8, right: 16, bottom: 8, left: 0 }}>
          <CartesianGrid strokeDasharray="3 3" />
          <XAxis dataKey="epoch" label={{ value: 'epoch', position: 'insideBottomRight', offset: -4 }} />
          <YAxis label={{ value: 'loss', angle: -90, position: 'insideLeft' }} />
          <Tooltip formatter={(v) => (typeof v === 'number' ? v.toFixed(4) : String(v))} />
          <Legend />
          <Line dataKey="train" name="train loss" stroke="#2f5d8a" dot={false} isAnimationActive={false} />
          <Line dataKey="validation" name="validation loss" stroke="#c0392b" dot={false} isAnimationActive={false} />
        </LineChart>
      </ResponsiveContainer>
      <ResponsiveContainer width="100%" height={220}>
        <LineChart data={rows} margin={{ top: 8, right: 16, bottom: 8, left: 0 }}>
          <CartesianGrid strokeDasharray="3 3" />
          <XAxis dataKey="epoch" />
          <YAxis domain={[0, 1]} label={{ value: 'F1', angle: -90, position: 'insideLeft' }} />
          <Tooltip formatter={(v) => (typeof v === 'number' ? v.toFixed(3) : String(v))} />
          <Legend />
          <Line dataKey="f1" name="validation micro F1" stroke="#7a9a3a" dot={rows.length <= 60} isAnimationActive={false} />
        </LineChart>
      </ResponsiveContainer>
    </div>
  );
});

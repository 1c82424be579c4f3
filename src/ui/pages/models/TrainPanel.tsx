// Train a diffusion U-Net here (in the worker, on the active backend): data, config and
// optimiser settings, start / stop, the loss curve as it trains, and the unfinished runs kept in
// this browser, resumable from their last checkpoint (after a stop or a reload).
import { memo, useEffect, useId } from 'react';
import { CartesianGrid, Legend, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { LogLine } from '../../../training/trainLog.ts';
import { CorpusPicker } from '../experiment/Pickers.tsx';
import { JobProgress } from '../explore/JobProgress.tsx';
import { useTrain, type TrainForm } from './train-state.ts';

type NumberKey = { [K in keyof TrainForm]: TrainForm[K] extends number ? K : never }[keyof TrainForm];

function NumberField({ field, label, step = 1, min = 0 }: { field: NumberKey; label: string; step?: number; min?: number }) {
  const value = useTrain((s) => s.form[field]);
  const running = useTrain((s) => s.running);
  const id = useId();
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <input id={id} type="number" min={min} step={step} value={value} disabled={running}
        onChange={(e) => useTrain.getState().set({ [field]: Number(e.target.value) } as Partial<TrainForm>)} />
    </div>
  );
}

const LossCurve = memo(function LossCurve({ lines }: { lines: LogLine[] }) {
  const rows = lines.map((l) => (l.kind === 'train' ? { step: l.step, train: l.loss as number } : { step: l.step, validation: l.vLoss as number }));
  return (
    <ResponsiveContainer width="100%" height={220}>
      <LineChart data={rows} margin={{ top: 8, right: 16, bottom: 8, left: 0 }}>
        <CartesianGrid strokeDasharray="3 3" />
        <XAxis dataKey="step" type="number" domain={['dataMin', 'dataMax']} label={{ value: 'step', position: 'insideBottomRight', offset: -4 }} />
        <YAxis label={{ value: 'v MSE', angle: -90, position: 'insideLeft' }} />
        <Tooltip formatter={(v) => (typeof v === 'number' ? v.toFixed(4) : String(v))} />
        <Legend />
        <Line dataKey="train" name="training loss" stroke="#2f5d8a" dot={false} connectNulls isAnimationActive={false} />
        <Line dataKey="validation" name="validation v-loss" stroke="#c0392b" connectNulls isAnimationActive={false} />
      </LineChart>
    </ResponsiveContainer>
  );
});

export function TrainPanel() {
  const { form, running, runId, progress, lines, result, error, runs, set, start, stop, resume, discard, refreshRuns } = useTrain();
  const nameId = useId();
  const configId = useId();
  useEffect(() => void refreshRuns(), [refreshRuns]);
  const unfinished = runs.filter((r) => r.status !== 'done' && r.id !== (running ? runId : null));
  return (
    <section aria-labelledby="train-heading" className="train-panel">
      <h3 id="train-heading">Train a diffusion model</h3>
      <p className="hint">
        v-diffusion training (sigma ~ U[0, 1], MSE on v, Adam) in this browser on the active backend, as <code>npx diffpir train-diffusion</code> does
        in Node. Checkpoints are kept here, so a stopped or interrupted run resumes where it was. The finished model is stored as one of yours, with its card.
      </p>
      <form className="lab-form" aria-label="Training settings" onSubmit={(e) => { e.preventDefault(); if (!running) void start(); }}>
        <fieldset>
          <legend>Training settings</legend>
        <div className="field">
          <label htmlFor={nameId}>Model name</label>
          <input id={nameId} value={form.name} disabled={running} onChange={(e) => set({ name: e.target.value })} />
        </div>
        <CorpusPicker value={form.corpus} onChange={(v) => set({ corpus: v })} label="Training data" disabled={running} />
        <div className="field">
          <label htmlFor={configId}>U-Net config</label>
          <select id={configId} value={form.config} disabled={running} onChange={(e) => set({ config: e.target.value as TrainForm['config'] })}>
            <option value="tiny">tiny (4-16 channels: seconds per step)</option>
            <option value="student">student (16-128 channels, as student-v1: slow without a GPU)</option>
          </select>
        </div>
        <NumberField field="steps" label="Steps" min={1} />
        <NumberField field="batch" label="Batch" min={1} />
        <NumberField field="microBatch" label="Micro-batch (0: whole batch)" />
        <NumberField field="cropFrames" label="Crop frames (multiple of 8)" step={8} min={8} />
        <NumberField field="lr" label="Learning rate" step={0.0001} />
        <NumberField field="warmupSteps" label="Warm-up steps" />
        <NumberField field="seed" label="Seed" />
        <NumberField field="checkpointEvery" label="Checkpoint every (steps)" min={1} />
        <NumberField field="maxClips" label="Clips per split (0: all)" />
        </fieldset>
        <div className="lab-actions">
          <button type="submit" disabled={running}>Train</button>
        </div>
      </form>
      <JobProgress label="Diffusion training" progress={progress} running={running} onCancel={stop} />
      {error && <p className="error" role="alert">{error}</p>}
      {lines.length > 0 && <LossCurve lines={lines} />}
      {result && (
        <p aria-label="Training result">
          Stored <strong>{result.model.name}</strong> ({result.steps} steps{result.resumedFromStep ? `, resumed at step ${result.resumedFromStep}` : ''}) on {result.backend}:
          final training loss {result.finalLoss.toFixed(4)}
          {result.validation ? `, validation v-loss ${result.validation.vLoss.toFixed(4)}, x0 error ${result.validation.x0Error.toFixed(4)}` : ''};
          {' '}{result.clipsPerSec.toFixed(2)} clips/s. It is listed under Models and can be explored.
        </p>
      )}
      {unfinished.length > 0 && (
        <ul aria-label="Unfinished training runs" className="saved-list">
          {unfinished.map((r) => (
            <li key={r.id}>
              {r.name}: {r.status === 'running' ? 'interrupted' : r.status} at step {r.step} of {r.steps}{r.error ? ` (${r.error})` : ''}{' '}
              <button type="button" disabled={running} onClick={() => void resume(r)}>Resume {r.name}</button>{' '}
              <button type="button" disabled={running} onClick={() => void discard(r.id)}>Discard {r.name}</button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

// The Probe page's controls: features (model, data, sigma, tap), the head (with each head's
// parameter count for these features) and the training settings. Every control is labelled.
import { useEffect } from 'react';
import { useDefaultModel } from '../experiment/default-model.ts';
import { CorpusPicker, ModelPicker } from '../experiment/Pickers.tsx';
import { headName } from '../experiment/provenance.ts';
import { HEADS, useProbe } from './probe-state.ts';

function NumberField({ label, value, onChange, min, max, step, hint }: {
  label: string; value: number; onChange(v: number): void; min: number; max?: number; step: number | 'any'; hint?: string;
}) {
  const id = `probe-${label.toLowerCase().replace(/[^a-z]+/g, '-')}`;
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <input id={id} type="number" value={value} min={min} max={max} step={step}
        onChange={(e) => { const v = Number(e.target.value); if (Number.isFinite(v)) onChange(v); }} />
      {hint && <span className="hint">{hint}</span>}
    </div>
  );
}

export function ProbeSettingsForm() {
  const s = useProbe();
  const disabled = s.running;
  useEffect(() => void useProbe.getState().loadSetup(), []);
  useDefaultModel('model', (model) => useProbe.getState().set({ model, tap: '' }));
  const sites = s.setup?.sites;
  const siteOf = (tap: string) => (!sites ? '' : tap === sites.finalDown ? ' (final down block)' : sites.bottleneck.includes(tap) ? ' (bottleneck)' : tap === sites.firstUp ? ' (first up block)' : '');
  return (
    <form className="lab-form" onSubmit={(e) => { e.preventDefault(); if (!disabled) void s.train(); }} aria-label="Probe settings">
      <fieldset disabled={disabled}>
        <legend>Features</legend>
        <ModelPicker value={s.model} onChange={(model) => s.set({ model, tap: '' })} />
        <CorpusPicker value={s.corpus} onChange={(corpus) => s.set({ corpus })} />
        <div className="field">
          <label htmlFor="probe-sigma">Noise level sigma</label>
          <input id="probe-sigma" type="range" min={0} max={1} step={0.01} value={s.sigma}
            aria-valuetext={`sigma ${s.sigma}`}
            onChange={(e) => s.set({ sigma: Number(e.target.value) })} />
          <output htmlFor="probe-sigma">{s.sigma.toFixed(2)}</output>
        </div>
        <div className="field">
          <label htmlFor="probe-tap">Tap (layer)</label>
          <select id="probe-tap" value={s.tap} onChange={(e) => s.set({ tap: e.target.value })}>
            {!s.setup && <option value={s.tap}>{s.tap || 'loading…'}</option>}
            {s.setup?.taps.map((t) => <option key={t} value={t}>{t}{siteOf(t)}</option>)}
          </select>
        </div>
        {s.setupError && <p role="alert" className="error">{s.setupError}</p>}
      </fieldset>
      <fieldset disabled={disabled}>
        <legend>Head</legend>
        <div role="radiogroup" aria-label="Probe head" className="head-choices">
          {HEADS.map((h) => {
            const params = s.setup?.parameters[h];
            const shape = h === 'mlp' ? s.setup?.pooledShape : s.setup?.mapShape;
            return (
              <label key={h} className="head-choice">
                <input type="radio" name="probe-head" value={h} checked={s.head === h} onChange={() => s.set({ head: h })} />
                <span>{headName(h)}</span>
                <span className="hint" data-head-params={h}>
                  {params !== undefined ? `${params.toLocaleString('en')} parameters` : '…'}
                  {shape ? ` for [${shape.join(', ')}] ${h === 'mlp' ? 'pooled' : 'maps'}` : ''}
                </span>
              </label>
            );
          })}
        </div>
      </fieldset>
      <fieldset disabled={disabled}>
        <legend>Training</legend>
        <NumberField label="Epochs (most)" value={s.epochs} min={1} max={500} step={1} onChange={(epochs) => s.set({ epochs })} hint="early stopping on validation" />
        <NumberField label="Learning rate" value={s.learningRate} min={0} step="any" onChange={(learningRate) => s.set({ learningRate })} />
        <NumberField label="Batch size" value={s.batchSize} min={1} max={1024} step={1} onChange={(batchSize) => s.set({ batchSize })} />
        <NumberField label="Seed" value={s.seed} min={0} step={1} onChange={(seed) => s.set({ seed })} />
        <NumberField label="Clips per split" value={s.maxClips} min={0} step={1} onChange={(maxClips) => s.set({ maxClips })} hint="0 = all" />
      </fieldset>
      <div className="lab-actions">
        <button type="submit" disabled={disabled || !s.tap}>Train probe</button>
        <button type="button" onClick={() => s.stop()} disabled={!s.running || s.stopping}>Stop</button>
      </div>
    </form>
  );
}

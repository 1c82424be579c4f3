// The sweep's settings: model (with its random-init control), data, the Han CNN baseline, the
// sigmas of stage 1, which stages and heads to run, epochs and clips per split, seeds.
import type { Stage } from '../../../sweep/types.ts';
import type { HeadKind } from '../../../probes/heads/types.ts';
import { useDefaultModel } from '../experiment/default-model.ts';
import { CorpusPicker, ModelPicker } from '../experiment/Pickers.tsx';
import { headName } from '../experiment/provenance.ts';
import { useSweep } from './sweep-state.ts';

const STAGES: { stage: Stage; label: string }[] = [
  { stage: 1, label: 'Stage 1: sigma (MLP at a bottleneck tap)' },
  { stage: 2, label: 'Stage 2: tap (at the best sigma)' },
  { stage: 3, label: 'Stage 3: head (at the best sigma and tap)' },
];
const HEADS: HeadKind[] = ['mlp', 'cnn', 'crnn', 'attention', 'bands'];
const toggle = <T,>(list: T[], x: T): T[] => (list.includes(x) ? list.filter((y) => y !== x) : [...list, x]);

export function SweepForm() {
  const s = useSweep();
  useDefaultModel(null, (model) => { if (!useSweep.getState().session) useSweep.getState().set({ model }); });
  const num = (label: string, id: string, value: number, set: (v: number) => void, min: number, hint?: string) => (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <input id={id} type="number" min={min} step={1} value={value} onChange={(e) => { const v = Number(e.target.value); if (Number.isFinite(v)) set(v); }} />
      {hint && <span className="hint">{hint}</span>}
    </div>
  );
  return (
    <form className="lab-form" aria-label="Sweep settings" onSubmit={(e) => { e.preventDefault(); if (!s.running) void s.start(); }}>
      <fieldset disabled={s.running}>
        <legend>Model and data</legend>
        <ModelPicker value={s.model} onChange={(model) => s.set({ model })} />
        <CorpusPicker value={s.corpus} onChange={(corpus) => s.set({ corpus })} />
        <label className="head-choice"><input type="checkbox" checked={s.control} onChange={(e) => s.set({ control: e.target.checked })} /> Random-init control alongside</label>
        <label className="head-choice"><input type="checkbox" checked={s.baseline} onChange={(e) => s.set({ baseline: e.target.checked })} /> Han CNN baseline</label>
      </fieldset>
      <fieldset disabled={s.running}>
        <legend>Stages</legend>
        <div className="field">
          <label htmlFor="sweep-sigmas">Sigmas (stage 1)</label>
          <input id="sweep-sigmas" value={s.sigmas} onChange={(e) => s.set({ sigmas: e.target.value })} size={36} />
        </div>
        {STAGES.map(({ stage, label }) => (
          <label key={stage} className="head-choice"><input type="checkbox" checked={s.stages.includes(stage)} onChange={() => s.set({ stages: toggle(s.stages, stage) })} /> {label}</label>
        ))}
        <div role="group" aria-label="Heads (stage 3)" className="head-choices">
          {HEADS.map((h) => (
            <label key={h} className="head-choice"><input type="checkbox" checked={s.heads.includes(h)} onChange={() => s.set({ heads: toggle(s.heads, h) })} /> {headName(h)}</label>
          ))}
        </div>
      </fieldset>
      <fieldset disabled={s.running}>
        <legend>Training</legend>
        {num('Epochs (most)', 'sweep-epochs', s.epochs, (epochs) => s.set({ epochs }), 1, 'early stopping on validation')}
        {num('Clips per split', 'sweep-clips', s.maxClips, (maxClips) => s.set({ maxClips }), 0, '0 = all')}
        {num('Noise seed', 'sweep-noise-seed', s.noiseSeed, (noiseSeed) => s.set({ noiseSeed }), 0)}
        {num('Probe seed', 'sweep-probe-seed', s.probeSeed, (probeSeed) => s.set({ probeSeed }), 0)}
      </fieldset>
      <div className="lab-actions">
        <button type="submit" disabled={s.running || s.stages.length === 0 || s.heads.length === 0}>Run the sweep</button>
        <button type="button" onClick={() => s.stop()} disabled={!s.running}>Stop</button>
        <button type="button" onClick={() => void s.resume()} disabled={s.running || !s.session || s.session.status === 'finished'}>Resume</button>
      </div>
    </form>
  );
}

// The Han et al. CNN for the comparison: choose a stored one, train one here on the chosen data
// (live curves, stop keeps the best epoch), or score the shipped one on it.
import { ChartFigure } from '../experiment/ChartFigure.tsx';
import { CorpusPicker } from '../experiment/Pickers.tsx';
import { ProgressLine } from '../experiment/ProgressLine.tsx';
import { TrainingCurves } from '../probe/TrainingCurves.tsx';
import { useBackend } from '../../state/backend.ts';
import { useCompare } from './compare-state.ts';

export function HanPanel() {
  const s = useCompare();
  const backend = useBackend((b) => b.choice?.name ?? 'starting');
  return (
    <section aria-labelledby="han-heading" className="lab-form">
      <h3 id="han-heading">Han et al. (2017) CNN, trained here</h3>
      <fieldset disabled={s.running}>
        <legend>Baseline</legend>
        <div className="field">
          <label htmlFor="compare-han">Han CNN</label>
          <select id="compare-han" value={s.selectedHan ?? ''} onChange={(e) => s.set({ selectedHan: e.target.value || null })}>
            <option value="">none</option>
            {s.hans.map((h) => <option key={h.id} value={h.id}>{h.name} · test micro F1 {h.result.test.micro.f1.toFixed(3)} · {h.savedAt.slice(0, 16).replace('T', ' ')}</option>)}
          </select>
        </div>
        <CorpusPicker value={s.corpus} onChange={(corpus) => s.set({ corpus })} label="Data to train and score on" />
        <div className="field">
          <label htmlFor="han-epochs">Epochs (most)</label>
          <input id="han-epochs" type="number" min={1} max={200} value={s.epochs} onChange={(e) => s.set({ epochs: Math.max(1, Number(e.target.value) || 1) })} />
        </div>
        <div className="field">
          <label htmlFor="han-clips">Clips per split</label>
          <input id="han-clips" type="number" min={0} value={s.maxClips} onChange={(e) => s.set({ maxClips: Math.max(0, Number(e.target.value) || 0) })} />
          <span className="hint">0 = all</span>
        </div>
      </fieldset>
      <div className="lab-actions">
        <button type="button" onClick={() => void s.trainHan()} disabled={s.running}>Train the Han CNN here</button>
        {s.shippedHan && <button type="button" onClick={() => void s.trainHan('shipped')} disabled={s.running}>Score the {s.shippedHan} Han CNN</button>}
        <button type="button" onClick={() => s.stop()} disabled={!s.running}>Stop</button>
      </div>
      <div className="field">
        <label htmlFor="han-import">Import a trained Han CNN (model.json + weights.bin)</label>
        <input id="han-import" type="file" multiple accept=".json,.bin" disabled={s.running}
          onChange={(e) => { const files = [...(e.target.files ?? [])]; e.target.value = ''; if (files.length) void s.trainHan(files); }} />
        <span className="hint">scored here on the data above; its threshold stays the one chosen on its own validation split</span>
      </div>
      {s.hans.length === 0 && !s.running && <p className="hint">No Han CNN is stored in this browser yet: train one here (1.4M parameters; a few minutes on the tiny data).</p>}
      {s.running && <ProgressLine label="Han CNN progress" progress={s.progress} />}
      {s.history.length > 0 && (
        <ChartFigure title="Han CNN training curves" provenance={[`model han-cnn · data ${s.corpus} · sigma n/a · tap n/a · head Han et al. CNN · backend ${backend}`]}>
          <TrainingCurves epochs={s.history} />
        </ChartFigure>
      )}
    </section>
  );
}

// Explore's controls: model, clip (demo, uploads, built-in corpus clips), an upload, sigma with
// its DDPM t of 1000, the noise seed and the window of a long clip. Every control is labelled.
import { useModels, modelOptions } from '../../state/models.ts';
import { useCorpus } from '../../state/corpus.ts';
import { useExplore } from '../../state/explore.ts';
import { ddpmTOfSigma } from './ddpm-t.ts';
import { cleanSigma } from './explore-url.ts';

export function ExploreControls() {
  const { model, clip, sigma, seed, window, uploads, uploadError, setView, upload, view } = useExplore();
  const models = useModels();
  const corpora = useCorpus((s) => s.corpora).filter((c) => c.id.startsWith('builtin:'));
  const options = modelOptions(models);
  if (model && !options.some((o) => o.value === model)) options.push({ value: model, label: model });
  const windows = view.result?.windows ?? 1;
  return (
    <div className="explore-controls">
      <label>
        Model{' '}
        <select aria-label="Model" value={model ?? ''} onChange={(e) => setView({ model: e.target.value })}>
          {options.map((o) => <option key={o.value} value={o.value}>{o.label}</option>)}
        </select>
      </label>
      <label>
        Clip{' '}
        <select aria-label="Clip" value={clip} onChange={(e) => setView({ clip: e.target.value, window: 0 })}>
          <option value="demo">demo chords (built in)</option>
          {uploads.length > 0 && (
            <optgroup label="Your uploads">
              {uploads.map((u) => <option key={u.key} value={`upload:${u.key}`}>{u.name}</option>)}
            </optgroup>
          )}
          {corpora.map((c) => (
            <optgroup key={c.id} label={`Corpus ${c.id}`}>
              {c.manifest.clips.map((x) => (
                <option key={x.id} value={`corpus:${c.id}/${x.id}`}>{x.id} · {x.labels.join('+')}</option>
              ))}
            </optgroup>
          ))}
          {clip !== 'demo' && !clip.startsWith('upload:') && !corpora.some((c) => clip.startsWith(`corpus:${c.id}/`)) && <option value={clip}>{clip}</option>}
        </select>
      </label>
      <label className="upload-label">
        Upload a clip{' '}
        <input type="file" accept="audio/*,.wav,.mp3,.ogg,.oga,.flac" onChange={(e) => {
          const f = e.target.files?.[0];
          if (f) void upload(f);
          e.target.value = '';
        }} />
      </label>
      <div className="sigma-control">
        <label htmlFor="explore-sigma">Noise level σ</label>
        <input
          id="explore-sigma"
          type="range"
          min={0}
          max={1}
          step={0.01}
          value={sigma}
          aria-valuetext={`sigma ${sigma.toFixed(2)}, DDPM t ${ddpmTOfSigma(sigma)} of 1000`}
          onChange={(e) => setView({ sigma: cleanSigma(Number(e.target.value)) })}
        />
        <output htmlFor="explore-sigma" data-testid="sigma-readout">
          σ = {sigma.toFixed(2)} · DDPM t ≈ {ddpmTOfSigma(sigma)} of 1000
        </output>
      </div>
      <label>
        Noise seed{' '}
        <input type="number" aria-label="Noise seed" min={0} step={1} value={seed} className="narrow" onChange={(e) => {
          const v = Math.floor(Number(e.target.value));
          if (Number.isFinite(v) && v >= 0) setView({ seed: v });
        }} />
      </label>
      {windows > 1 && (
        <label>
          Window{' '}
          <select aria-label="Window" value={window} onChange={(e) => setView({ window: Number(e.target.value) })}>
            {Array.from({ length: windows }, (_, i) => <option key={i} value={i}>{i + 1} of {windows}</option>)}
          </select>
        </label>
      )}
      {uploadError && <p className="error" role="alert">{uploadError}</p>}
    </div>
  );
}

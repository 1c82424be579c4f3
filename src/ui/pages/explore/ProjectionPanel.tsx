// The corpus at this (sigma, tap): pooled features of many clips on their first two principal
// components, coloured by instrument, for the model and its random-init control side by side.
import { CartesianGrid, Legend, ResponsiveContainer, Scatter, ScatterChart, Tooltip, XAxis, YAxis } from 'recharts';
import type { ProjectionResult, ProjectionSet } from '../../../compute/messages/projection.ts';
import { useCorpus } from '../../state/corpus.ts';
import { useExplore } from '../../state/explore.ts';
import { CLASS_COLOURS, CLASS_TITLES } from './instrument-colours.ts';
import { JobProgress } from './JobProgress.tsx';

function Plot({ result, set, title }: { result: ProjectionResult; set: ProjectionSet; title: string }) {
  const byClass = new Map<string, { x: number; y: number; id: string }[]>();
  result.clipIds.forEach((id, i) => {
    const cls = result.labels[i];
    if (!byClass.has(cls)) byClass.set(cls, []);
    byClass.get(cls)!.push({ x: set.points[i * 2], y: set.points[i * 2 + 1], id });
  });
  const pct = (v: number) => `${(v * 100).toFixed(0)}%`;
  return (
    <figure className="projection-plot" aria-label={`${title}: PCA of pooled features of ${result.clipIds.length} clips`} data-points={result.clipIds.length}>
      <figcaption>
        <strong>{title}</strong> · PC1 {pct(set.explained[0])}, PC2 {pct(set.explained[1] ?? 0)} of the variance · {set.seconds.toFixed(1)} s
        {set.cachedClips > 0 ? ` (${set.cachedClips} clips from the cache)` : ''}
      </figcaption>
      <ResponsiveContainer width="100%" height={300}>
        <ScatterChart margin={{ top: 8, right: 8, bottom: 8, left: 0 }}>
          <CartesianGrid stroke="#e6e8ec" />
          <XAxis type="number" dataKey="x" name="PC1" tickFormatter={(v: number) => v.toPrecision(2)} />
          <YAxis type="number" dataKey="y" name="PC2" tickFormatter={(v: number) => v.toPrecision(2)} width={56} />
          <Tooltip formatter={(v) => (typeof v === 'number' ? v.toPrecision(3) : String(v))} />
          <Legend />
          {[...byClass].sort(([a], [b]) => a.localeCompare(b)).map(([cls, pts]) => (
            <Scatter key={cls} name={`${cls} ${CLASS_TITLES[cls] ?? ''}`.trim()} data={pts} fill={CLASS_COLOURS[cls] ?? '#444'} isAnimationActive={false} />
          ))}
        </ScatterChart>
      </ResponsiveContainer>
    </figure>
  );
}

export function ProjectionPanel() {
  const { projection, runProjection, cancelProjection, setProjectionCorpus, tap, sigma } = useExplore();
  const corpora = useCorpus((s) => s.corpora).filter((c) => c.manifest.clips.some((x) => x.split !== 'test'));
  const renderJob = useCorpus((s) => s.job);
  const r = projection.result;
  const clips = renderJob.clips;
  return (
    <section className="projection" aria-labelledby="projection-heading">
      <h3 id="projection-heading">Where the classes separate</h3>
      <p className="hint">
        Each dot is one clip: its activations at this tap, averaged over time, placed by their two main directions of variation (PCA).
        Colour is the clip&rsquo;s instrument. If same-coloured dots gather apart from the others, the layer tells those instruments apart;
        compare with the control beside it.
      </p>
      {renderJob.running && (
        <p role="status" className="message" data-testid="projection-waiting">
          Making the {renderJob.preset} example corpus in this browser so the classes can be compared
          {clips ? `: ${clips.done} of ${clips.total} clips` : ''}; the projection follows by itself.
        </p>
      )}
      {corpora.length === 0 ? (
        !renderJob.running && <p className="hint">No corpus in this browser yet: render the built-in one on the Data page, then come back.</p>
      ) : (
        <div className="controls-row">
          <label>
            Corpus{' '}
            <select aria-label="Corpus" value={projection.corpus ?? ''} onChange={(e) => setProjectionCorpus(e.target.value || null)}>
              {corpora.map((c) => (
                <option key={c.id} value={c.id}>{c.id} ({c.manifest.clips.length} clips)</option>
              ))}
            </select>
          </label>
          <button type="button" onClick={runProjection} disabled={projection.running || !tap || !projection.corpus}>
            Project the corpus at σ {sigma.toFixed(2)}, {tap ?? '…'}
          </button>
          {projection.auto && <span className="hint">follows sigma and the tap</span>}
        </div>
      )}
      <JobProgress label="Projection progress" progress={projection.progress} running={projection.running} onCancel={cancelProjection} />
      {projection.error && <p className="error" role="alert">{projection.error}</p>}
      {r && (
        <div className="projection-pair">
          <Plot result={r} set={r.model} title={r.model.modelId} />
          {r.control ? <Plot result={r} set={r.control} title={`${r.control.modelId} (control)`} /> : <p className="hint">This model has random weights itself: there is no separate control to show.</p>}
        </div>
      )}
    </section>
  );
}

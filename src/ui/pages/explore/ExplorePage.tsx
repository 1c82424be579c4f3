// The student's page: pick a model and a clip, drag sigma, pick a tap on the U-Net diagram; see
// the mel, the noised mel, the one-step estimate, the strongest channels at the tap (model and
// random-init control side by side) and the corpus projected at this (sigma, tap). On a first
// visit the projection is there without a click: the tiny corpus is rendered (seconds) when
// nothing is stored, and the classes are projected once it is.
import { useEffect } from 'react';
import { builtinListing, useCorpus } from '../../state/corpus.ts';
import { useExplore } from '../../state/explore.ts';
import { defaultModel, useModels } from '../../state/models.ts';
import { ChannelGrid } from './ChannelGrid.tsx';
import { ExploreControls } from './ExploreControls.tsx';
import { JobProgress } from './JobProgress.tsx';
import { MelTriptych } from './MelTriptych.tsx';
import { ProjectionPanel } from './ProjectionPanel.tsx';
import { siteLabel, UNetDiagram } from './UNetDiagram.tsx';

/** The first projection of this visit starts by itself once; after that the user drives it. */
let autoProjected = false;

export function ExplorePage() {
  const models = useModels();
  const corpora = useCorpus((s) => s.corpora);
  const rendering = useCorpus((s) => s.job.running);
  const { info, infoError, view, tap, setView, start, cancelView, projection, setProjectionCorpus, runProjection } = useExplore();

  useEffect(() => {
    void useCorpus.getState().refresh().then(() => useCorpus.getState().autoRender());
    if (!useModels.getState().loaded) void useModels.getState().refresh();
  }, []);
  useEffect(() => {
    if (autoProjected || rendering || !projection.corpus || !tap || !view.result || view.running || projection.running || projection.result) return;
    autoProjected = true;
    runProjection();
  }, [rendering, projection.corpus, projection.running, projection.result, tap, view.result, view.running, runProjection]);
  useEffect(() => {
    if (models.loaded) start(defaultModel(models.shipped));
  }, [models.loaded, models.shipped, start]);
  useEffect(() => {
    if (projection.corpus) return;
    const pick = builtinListing(corpora, 'small') ?? builtinListing(corpora, 'tiny') ?? corpora.find((c) => c.manifest.clips.some((x) => x.split !== 'test'));
    if (pick) setProjectionCorpus(pick.id);
  }, [corpora, projection.corpus, setProjectionCorpus]);

  const r = view.result;
  return (
    <section className="explore-page" aria-labelledby="explore-heading">
      <h2 id="explore-heading">Explore a U-Net&rsquo;s activations</h2>
      <ExploreControls />
      {models.error && <p className="error" role="alert">{models.error}</p>}
      {infoError && <p className="error" role="alert">{infoError}</p>}
      {info ? (
        <>
          <p className="hint">
            {info.id} · {(info.parameters / 1e6).toFixed(2)}M parameters · channels [{info.config.channels.join(', ')}] · {info.origin}
          </p>
          <UNetDiagram info={info} selected={tap} onSelect={(t) => setView({ tap: t })} />
        </>
      ) : (
        !infoError && <p role="status" aria-live="polite">Loading the model…</p>
      )}
      <JobProgress label="View progress" progress={view.progress} running={view.running} onCancel={cancelView} />
      {view.error && <p className="error" role="alert">{view.error}</p>}
      {r && (
        <article className="explore-view" aria-label="Explore view" data-sigma={r.sigma} data-tap={r.tap ?? ''} aria-busy={view.running}>
          <MelTriptych
            nMels={r.nMels} frames={r.frames} mel={r.mel} noised={r.noised} x0={r.x0} sigma={r.sigma} startSec={r.windowStartSec}
            caption={`${r.clipName}, window ${r.window + 1} of ${r.windows} (from ${r.windowStartSec.toFixed(2)} s, ${(r.frames * 0.02).toFixed(2)} s).`}
          />
          {r.maps && r.tap && (
            <>
              <h3>
                Activations at <code>{r.tap}</code>
                {info && siteLabel(info, r.tap) ? ` (${siteLabel(info, r.tap)})` : ''}
              </h3>
              <div className="channel-pair">
                <ChannelGrid maps={r.maps} title={r.modelId} tap={r.tap} />
                {r.controlMaps ? <ChannelGrid maps={r.controlMaps} title={`${r.controlId} (control)`} tap={r.tap} /> : <p className="hint">This model has random weights itself: there is no separate control to show.</p>}
              </div>
            </>
          )}
          <p className="hint" data-testid="explore-timing">
            {r.warmedUp ? 'First view of this model (includes building it). ' : ''}
            Worker time {r.timings.totalMs.toFixed(0)} ms: model {r.timings.modelMs.toFixed(0)} ms, control {r.timings.controlMs.toFixed(0)} ms.
          </p>
        </article>
      )}
      <ProjectionPanel />
    </section>
  );
}

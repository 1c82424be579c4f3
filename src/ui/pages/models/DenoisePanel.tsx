// What the diffusion model does: a clip's mel, the mel noised at sigma and the model's one-step
// estimate of the clean mel; and a new mel drawn from noise with a few DDIM steps (sigma 1 -> 0).
import { useEffect, useState } from 'react';
import { CancelledError } from '../../../common/errors.ts';
import type { Progress } from '../../../common/progress.ts';
import type { ExploreResult } from '../../../compute/messages/explore.ts';
import type { SampleMelResult } from '../../../compute/messages/models.ts';
import { parseClipRef, parseModelRef } from '../../../explore/refs.ts';
import { compute } from '../../compute.ts';
import { demoWavBytes } from '../../demo/demo-clip.ts';
import { useCorpus } from '../../state/corpus.ts';
import { messageOf, modelsBase } from '../../state/lab-locations.ts';
import { defaultModel, modelOptions, useModels } from '../../state/models.ts';
import { Heatmap } from '../explore/Heatmap.tsx';
import { JobProgress } from '../explore/JobProgress.tsx';
import { MelTriptych } from '../explore/MelTriptych.tsx';
import { ddpmTOfSigma } from '../explore/ddpm-t.ts';

interface Job<T> { running: boolean; progress: Progress | null; error: string | null; result: T | null; id: number | null }
const idle = <T,>(): Job<T> => ({ running: false, progress: null, error: null, result: null, id: null });

function useJob<T>() {
  const [job, setJob] = useState<Job<T>>(idle<T>());
  const run = (start: (onProgress: (p: Progress) => void) => { id: number; result: Promise<T> }) => {
    const j = start((progress) => setJob((s) => ({ ...s, progress })));
    setJob({ ...idle<T>(), running: true, id: j.id });
    j.result.then(
      (result) => setJob({ ...idle<T>(), result }),
      (e) => setJob((s) => ({ ...idle<T>(), result: s.result, error: e instanceof CancelledError ? null : messageOf(e) })),
    );
  };
  return { job, run, cancel: () => job.id !== null && compute().cancel(job.id) };
}

export function DenoisePanel() {
  const models = useModels();
  const corpora = useCorpus((s) => s.corpora).filter((c) => c.id.startsWith('builtin:'));
  const [model, setModel] = useState<string | null>(null);
  const [clip, setClip] = useState('demo');
  const [sigma, setSigma] = useState(0.5);
  const [steps, setSteps] = useState(8);
  const [seed, setSeed] = useState(0);
  const denoise = useJob<ExploreResult>();
  const sample = useJob<SampleMelResult>();
  const chosen = model ?? defaultModel(models.shipped);

  useEffect(() => void useCorpus.getState().refresh(), []);

  const runDenoise = () => {
    const m = parseModelRef(chosen, modelsBase());
    const c = parseClipRef(clip);
    if (!m || !c) return;
    denoise.run((onProgress) => compute().start('explore', {
      model: m, clip: c, demoBytes: c.kind === 'demo' ? demoWavBytes().buffer as ArrayBuffer : undefined, sigma, tap: null, seed, control: false,
    }, { onProgress }));
  };
  const runSample = () => {
    const m = parseModelRef(chosen, modelsBase());
    if (m) sample.run((onProgress) => compute().start('sampleMel', { model: m, steps, seed }, { onProgress }));
  };

  return (
    <section aria-labelledby="denoise-heading" className="denoise">
      <h2 id="denoise-heading">Denoise and sample</h2>
      <div className="controls-row">
        <label>
          Model{' '}
          <select aria-label="Model" value={chosen} onChange={(e) => setModel(e.target.value)}>
            {modelOptions(models).map((o) => <option key={o.value} value={o.value}>{o.label}</option>)}
          </select>
        </label>
        <label>
          Clip{' '}
          <select aria-label="Clip" value={clip} onChange={(e) => setClip(e.target.value)}>
            <option value="demo">demo chords (built in)</option>
            {corpora.map((c) => (
              <optgroup key={c.id} label={`Corpus ${c.id}`}>
                {c.manifest.clips.slice(0, 60).map((x) => <option key={x.id} value={`corpus:${c.id}/${x.id}`}>{x.id} · {x.labels.join('+')}</option>)}
              </optgroup>
            ))}
          </select>
        </label>
        <label>
          Denoise at σ{' '}
          <input type="range" aria-label="Denoise at σ" min={0} max={1} step={0.01} value={sigma} onChange={(e) => setSigma(Number(e.target.value))} />
        </label>
        <output>σ = {sigma.toFixed(2)} · DDPM t ≈ {ddpmTOfSigma(sigma)}</output>
        <label>
          Seed <input type="number" aria-label="Seed" className="narrow" min={0} value={seed} onChange={(e) => setSeed(Math.max(0, Math.floor(Number(e.target.value)) || 0))} />
        </label>
        <button type="button" onClick={runDenoise} disabled={denoise.job.running}>Denoise</button>
      </div>
      <JobProgress label="Denoise progress" progress={denoise.job.progress} running={denoise.job.running} onCancel={denoise.cancel} />
      {denoise.job.error && <p className="error" role="alert">{denoise.job.error}</p>}
      {denoise.job.result && (
        <MelTriptych {...denoise.job.result} caption={`${denoise.job.result.modelId} on ${denoise.job.result.clipName}, first ${(denoise.job.result.frames * 0.02).toFixed(2)} s.`} />
      )}
      <div className="controls-row">
        <label>
          DDIM steps{' '}
          <select aria-label="DDIM steps" value={steps} onChange={(e) => setSteps(Number(e.target.value))}>
            {[2, 4, 8, 16, 32].map((n) => <option key={n} value={n}>{n}</option>)}
          </select>
        </label>
        <button type="button" onClick={runSample} disabled={sample.job.running}>Sample a new mel</button>
      </div>
      <JobProgress label="Sampling progress" progress={sample.job.progress} running={sample.job.running} onCancel={sample.cancel} />
      {sample.job.error && <p className="error" role="alert">{sample.job.error}</p>}
      {sample.job.result && (
        <figure>
          <figcaption>Drawn by {sample.job.result.modelId}: {steps} DDIM steps from noise (seed {seed}), {sample.job.result.seconds.toFixed(1)} s</figcaption>
          <Heatmap values={sample.job.result.mel} rows={sample.job.result.nMels} cols={sample.job.result.frames} scale="mel" height={150}
            label={`Sampled log-mel from ${sample.job.result.modelId}`} />
        </figure>
      )}
    </section>
  );
}

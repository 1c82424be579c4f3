// Rendering the built-in corpus in the worker: preset (small by default; tiny for quick looks),
// progress with time left, cancel; clips are stored as they finish, so a reload or a cancel
// resumes where it stopped. A full storage quota is reported and what is stored is kept.
import { useEffect, useState } from 'react';
import { storageUse } from '../../../store/quota.ts';
import { builtinListing, useCorpus, type PresetName } from '../../state/corpus.ts';
import { JobProgress } from '../explore/JobProgress.tsx';
import { describePreset, limitedClips, PRESET_INFO, presetClips, secondsLeft } from './presets.ts';

function formatSeconds(s: number): string {
  return s < 90 ? `${Math.round(s)} s` : `${Math.round(s / 60)} min`;
}

export function CorpusRenderPanel() {
  const { preset, setPreset, job, render, cancel, corpora } = useCorpus();
  const [use, setUse] = useState<string>('');
  const [limit, setLimit] = useState<number | null>(null);
  const info = PRESET_INFO.find((p) => p.name === preset)!;
  const stored = builtinListing(corpora, preset);
  const have = stored?.manifest.clips.length ?? 0;
  const total = presetClips(info);
  const target = limitedClips(info, limit);
  const haveOfTarget = limit === null ? have : Math.min(have, target);
  useEffect(() => {
    void storageUse().then((u) => u && setUse(`${(u.usage / 1e6).toFixed(1)} MB of ${(u.quota / 1e9).toFixed(1)} GB used by this site`));
  }, [have, job.running]);
  const p = job.progress;
  const left = p && p.stage === 'rendering clips' ? secondsLeft(p.done, p.total, (performance.now() - job.startedAt) / 1000) : null;
  return (
    <section aria-labelledby="render-heading" className="corpus-render">
      <h2 id="render-heading">The built-in corpus</h2>
      <p className="hint">
        IRMAS-like clips rendered here from recorded SoundFont instruments (train/validation: FluidR3Mono and MuseScore General;
        test: TimGM6mb). Rendered in the background and stored in this browser clip by clip.
      </p>
      <div className="controls-row">
        <label>
          Preset{' '}
          <select aria-label="Preset" value={preset} disabled={job.running} onChange={(e) => setPreset(e.target.value as PresetName)}>
            {PRESET_INFO.map((x) => <option key={x.name} value={x.name}>{x.name}</option>)}
          </select>
        </label>
        <label>
          Clips per class{' '}
          <select aria-label="Clips per class" value={limit ?? ''} disabled={job.running} onChange={(e) => setLimit(e.target.value ? Number(e.target.value) : null)}>
            <option value="">all</option>
            {[1, 3, 10, 30].map((n) => <option key={n} value={n}>at most {n} (a quick look)</option>)}
          </select>
        </label>
        <button type="button" onClick={() => void render(limit === null ? {} : { perClassLimit: limit })} disabled={job.running || haveOfTarget >= target}>
          {have === 0 ? `Render ${target} clips` : haveOfTarget < target ? `Resume rendering (${have} of ${total} stored)` : 'Rendered'}
        </button>
      </div>
      <p className="hint">{describePreset(info)}.</p>
      <p data-testid="corpus-stored">{have} of {total} clips of {preset} stored{use ? ` · ${use}` : ''}</p>
      <JobProgress label="Corpus rendering progress" progress={p} running={job.running} onCancel={cancel} />
      {job.running && left !== null && <p className="hint">About {formatSeconds(left)} left.</p>}
      {job.error && (
        <p className="error" role="alert">
          {job.error}
          {job.quota && ` ${have} clips are stored and kept; rendering resumes from there once there is room.`}
        </p>
      )}
      {job.result && (
        <p role="status" data-testid="corpus-render-result">
          {job.result.rendered} clips rendered and {job.result.reused} kept in {formatSeconds(job.result.wallSeconds)}
          {job.result.renderSeconds > 0 && ` (${(job.result.audioSeconds / job.result.renderSeconds).toFixed(1)}× real time)`}.
        </p>
      )}
    </section>
  );
}

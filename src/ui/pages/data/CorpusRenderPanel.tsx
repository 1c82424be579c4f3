// Rendering the built-in corpus in the worker. A first visit renders `tiny` at once (seconds);
// the preset and clips-per-class menus work at any time; a bigger preset is rendered only when
// asked, its button stating the time and storage it will take here. The status line says what is
// happening (the clip count stays in view while a sound bank loads). Clips are stored as they
// finish, so a reload or a stop resumes where it was; a full storage quota keeps what is stored.
import { useEffect, useState } from 'react';
import { storageUse } from '../../../store/quota.ts';
import { builtinListing, useCorpus, type PresetName } from '../../state/corpus.ts';
import { JobProgress } from '../explore/JobProgress.tsx';
import { describePreset, limitedClips, PRESET_INFO, presetClips, secondsLeft } from './presets.ts';
import { audioLeft, formatDuration, formatMB, measuredRate, renderSeconds, saveRate, storedMB } from './render-estimate.ts';
import { renderStatus } from './render-status.ts';

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
  useEffect(() => {
    if (job.result && job.result.rendered > 0) saveRate(job.result.wallSeconds, job.result.audioSeconds);
  }, [job.result]);
  const c = job.clips;
  const left = job.running && c ? secondsLeft(c.done, c.total, (performance.now() - job.startedAt) / 1000) : null;
  const thisRunning = job.running && job.preset === preset;
  const audio = audioLeft(info, total, have) * (target / total);
  const estimate = `about ${formatDuration(renderSeconds(audio, measuredRate() ?? undefined))} here, ${formatMB(storedMB(audio))}`;
  const label = have === 0 ? `Render ${target} clips of ${preset} (${estimate})`
    : haveOfTarget < target ? `Resume rendering ${preset} (${have} of ${total} stored; ${estimate} more)` : `${preset} is rendered`;
  return (
    <section aria-labelledby="render-heading" className="corpus-render">
      <h2 id="render-heading">The built-in corpus</h2>
      <p className="hint">
        IRMAS-like clips rendered here from recorded instrument sample libraries and SoundFont banks, played in seeded rooms
        through varied microphones, a fifth of them then through a lossy codec (MP3 or Ogg Vorbis); test clips use only
        libraries and banks that training never hears (credits below). Stored
        in this browser clip by clip. The first visit makes the <strong>tiny</strong> set (58 clips, seconds);
        the bigger presets are made only when you ask.
      </p>
      <p role="status" aria-live="polite" className="render-status" data-testid="corpus-status">
        {renderStatus(job, corpora)}
      </p>
      <div className="controls-row">
        <label>
          Preset{' '}
          <select aria-label="Preset" value={preset} onChange={(e) => setPreset(e.target.value as PresetName)}>
            {PRESET_INFO.map((x) => <option key={x.name} value={x.name}>{x.name} ({presetClips(x)} clips)</option>)}
          </select>
        </label>
        <label>
          Clips per class{' '}
          <select aria-label="Clips per class" value={limit ?? ''} onChange={(e) => setLimit(e.target.value ? Number(e.target.value) : null)}>
            <option value="">all</option>
            {[1, 3, 10, 30].map((n) => <option key={n} value={n}>at most {n} (a quick look)</option>)}
          </select>
        </label>
        {!thisRunning && (
          <button type="button" onClick={() => void render(limit === null ? {} : { perClassLimit: limit })} disabled={haveOfTarget >= target}>
            {label}
          </button>
        )}
      </div>
      {job.running && !thisRunning && job.preset && (
        <p className="hint">{job.preset} is still rendering; rendering {preset} stops it first (its stored clips are kept).</p>
      )}
      <p className="hint">{describePreset(info)}.</p>
      <p data-testid="corpus-stored">{have} of {total} clips of {preset} stored{use ? ` · ${use}` : ''}</p>
      {job.running && <JobProgress label="Corpus rendering progress" progress={c ?? job.progress} running={job.running} onCancel={cancel} cancelLabel="Stop" />}
      {job.running && left !== null && <p className="hint">About {formatDuration(left)} left.</p>}
      {job.error && (
        <p className="error" role="alert">
          {job.error}
          {job.quota && ` ${have} clips are stored and kept; rendering resumes from there once there is room.`}
        </p>
      )}
      {job.result && (
        <p role="status" data-testid="corpus-render-result">
          {job.result.rendered} clips rendered and {job.result.reused} kept in {formatDuration(job.result.wallSeconds)}
          {job.result.renderSeconds > 0 && ` (${(job.result.audioSeconds / job.result.renderSeconds).toFixed(1)}× real time)`}.
        </p>
      )}
    </section>
  );
}

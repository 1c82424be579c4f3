// Recognize (the reviewer's page): drop an audio file (or try the built-in example) and get each
// instrument's raw probability first, the classes the probe's rule names, and a timeline, with
// the model, data and validation score behind the answer; from the shipped probe (or a probe
// saved in this browser), with no training first.
import { useEffect, useState, type DragEvent } from 'react';
import { ChartFigure } from '../experiment/ChartFigure.tsx';
import { recognitionCsv } from '../experiment/csv.ts';
import { ProgressLine } from '../experiment/ProgressLine.tsx';
import { headName } from '../experiment/provenance.ts';
import { AllScoresTable, PredictedList, ProbabilityList } from './PredictedList.tsx';
import { useRecognize } from './recognize-state.ts';
import { SHIPPED_PROBE_DIR } from './shipped-probe.ts';
import { TimelineChart, TimelineGrid } from './Timeline.tsx';

export function RecognizePage() {
  const s = useRecognize();
  const [over, setOver] = useState(false);
  useEffect(() => void useRecognize.getState().loadChoices(), []);
  const probe = s.choices.find((c) => c.id === s.probeId);
  const r = s.result;
  const onDrop = (e: DragEvent<HTMLDivElement>) => {
    e.preventDefault();
    setOver(false);
    const file = e.dataTransfer.files[0];
    if (file) void s.recognizeFile(file);
  };
  const provenance = r
    ? `model ${r.model} · data ${r.fileName} (${r.duration.toFixed(2)} s) · sigma ${r.probeSpec.sigma} · tap ${r.probeSpec.tap} · head ${headName(r.probeSpec.kind)} · probe ${r.probe} · backend ${r.backend}`
    : '';
  return (
    <section className="recognize-page" aria-labelledby="recognize-heading" data-shipped-probe={String(s.shippedPresent)}>
      <h2 id="recognize-heading">Recognize the instruments in a recording</h2>
      <p className="intro">
        A probe (a small network reading a diffusion U-Net&rsquo;s activations) gives each of the 11 IRMAS instruments a probability
        between 0 and 1 for every 3-second window of your clip. Below you see those probabilities as they are, then the instruments the
        probe&rsquo;s rule names, and what the probe was trained on and how well it scored.
      </p>
      {s.shippedPresent === false && (
        <p className="message" role="status">
          No shipped probe was found ({SHIPPED_PROBE_DIR} is not in this build).{' '}
          {s.choices.length > 0 ? 'Using a probe saved in this browser instead.' : 'Train a probe on the Probe page (or import probe files there) to recognize instruments.'}
        </p>
      )}
      <div className="field">
        <label htmlFor="recognize-probe">Probe</label>
        <select id="recognize-probe" value={s.probeId ?? ''} onChange={(e) => s.choose(e.target.value)} disabled={s.choices.length === 0}>
          {s.choices.length === 0 && <option value="">no probe available</option>}
          {s.choices.map((c) => <option key={c.id} value={c.id}>{c.name} · reads {c.model}</option>)}
        </select>
      </div>
      <details className="lab-import">
        <summary>Use other probe files</summary>
        <div className="field">
          <label htmlFor="recognize-probe-import">Probe files (probe.json + weights.bin)</label>
          <input id="recognize-probe-import" type="file" multiple accept=".json,.bin,application/json"
            onChange={(e) => { const files = [...(e.target.files ?? [])]; e.target.value = ''; if (files.length) void s.importProbe(files); }} />
          <span className="hint">e.g. a folder written by <code>npx diffpir</code>; its model must be shipped here or random-init</span>
        </div>
      </details>
      <div className={over ? 'drop-zone drop-zone-over' : 'drop-zone'}
        onDragOver={(e) => { e.preventDefault(); setOver(true); }} onDragLeave={() => setOver(false)} onDrop={onDrop}>
        <label htmlFor="recognize-file" className="file-label">Audio file</label>
        <input id="recognize-file" type="file" accept="audio/*,.wav,.mp3,.ogg,.oga,.flac" aria-describedby="recognize-file-hint"
          onChange={(e) => {
            const file = e.target.files?.[0];
            e.target.value = '';
            if (file) void s.recognizeFile(file);
          }} />
        <p id="recognize-file-hint" className="hint">Drop a WAV, MP3, Ogg Vorbis or FLAC file here, or pick one. It never leaves this computer.</p>
        <p className="example-line">
          No clip at hand?{' '}
          <button type="button" onClick={() => void s.recognizeExample()} disabled={s.running || !probe}>Try the built-in example</button>{' '}
          <span className="hint">(4 s of synthesised chords, the Clip page&rsquo;s demo: no IRMAS instrument, so expect low probabilities)</span>
        </p>
      </div>
      <p className="visually-hidden" aria-live="polite">
        {r ? `${r.instruments.filter((i) => i.predicted).map((i) => i.code).join(', ') || 'no instrument'} predicted in ${r.fileName}` : ''}
      </p>
      {s.running && <ProgressLine label="Recognition progress" progress={s.progress} />}
      {s.error && <p role="alert" className="error">{s.error}</p>}
      {r && (
        <article aria-label={`Instruments in ${r.fileName}`} className="lab-results">
          <h3>What the probe hears in {r.fileName}</h3>
          <ProbabilityList instruments={r.instruments} />
          {probe && (
            <p className="answer-facts" data-testid="recognize-facts">
              Answer from <strong>{probe.name}</strong>: a {probe.facts.reads}. Model <strong>{probe.facts.model}</strong> · data{' '}
              <strong>{probe.facts.data}</strong> · <strong>{probe.facts.scores}</strong>.
            </p>
          )}
          <h4>Named by the probe&rsquo;s rule</h4>
          <PredictedList instruments={r.instruments} threshold={r.threshold} />
          <p className="hint" data-testid="recognize-timing">
            {r.duration.toFixed(2)} s of audio recognized in {(r.timings.totalMs / 1000).toFixed(2)} s on {r.backend.toUpperCase()}
            {' '}(decode {Math.round(r.timings.decodeMs)} ms, model {Math.round(r.timings.modelMs)} ms, features and probe {Math.round(r.timings.recognizeMs)} ms).
          </p>
          {r.warnings.map((w) => <p key={w} className="hint">{w}</p>)}
          <ChartFigure title={`Timeline of ${r.fileName}`} provenance={[provenance]} csv={() => recognitionCsv(r, r.fileName)} json={() => r}
            after={<TimelineGrid result={r} />}>
            <TimelineChart result={r} />
          </ChartFigure>
          <AllScoresTable instruments={r.instruments} threshold={r.threshold} />
        </article>
      )}
      {probe && !r && !s.running && (
        <p className="hint" data-testid="recognize-probe-facts">
          Recognizing with {probe.name}: a {probe.facts.reads}; trained on {probe.facts.data}; {probe.facts.scores}.
        </p>
      )}
    </section>
  );
}

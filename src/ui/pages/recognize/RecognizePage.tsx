// Recognize (the reviewer's page): drop one audio file, several, or a folder (or try the built-in
// example) and get, for each file side by side, two answers: the diffusion probe's (the shipped
// probe on its U-Net's activations) and the Han et al. CNN's (on the log-mel), each labelled with
// its model, with probabilities, the named classes and a timeline; above them, when the build ships
// a combination of the two (models/recognizer/), that shipped recognizer's answer. Files are queued ("file i of
// n"), cancel stops the queue, and the answers stay for the session and after a reload.
import { useEffect, useState, type DragEvent } from 'react';
import { pickedFiles, walkDroppedItems } from '../../../store/import-files.ts';
import { ProgressLine } from '../experiment/ProgressLine.tsx';
import { hanFactsLine, hanLabel, probeLabel } from './answer-words.ts';
import { countLine, fileProblem, queueLine, type FileJob } from './batch.ts';
import { HanAnswer, ProbeAnswer } from './AnswerPanel.tsx';
import { CombinedAnswer } from './CombinedAnswer.tsx';
import type { ShippedRecognizer } from './shipped-recognizer.ts';
import { useRecognize, type ProbeChoice } from './recognize-state.ts';
import { SHIPPED_PROBE_DIR } from './shipped-probe.ts';

const dirProps = { webkitdirectory: '' } as Record<string, string>;

function FileResult({ job, choices, probe, hanFolder, recognizer }: {
  job: FileJob; choices: ProbeChoice[]; probe: ProbeChoice | undefined; hanFolder: string; recognizer: ShippedRecognizer | null | undefined;
}) {
  const problem = fileProblem(job);
  const probeResult = job.probe.result;
  const answered = probeResult ? choices.find((c) => c.name === probeResult.probe) : probe;
  const facts = probeResult ? answered?.facts : undefined;
  return (
    <article aria-label={`Instruments in ${job.fileName}`} className="lab-results file-result">
      <h3>What the models hear in {job.fileName}</h3>
      {problem ? (
        <p role="alert" className="error">{problem}</p>
      ) : (
        <>
        {recognizer && <CombinedAnswer job={job} recognizer={recognizer} probeFolder={answered?.folder} />}
        <div className="answer-pair">
          <ProbeAnswer fileName={job.fileName} answer={job.probe} facts={facts} pendingLabel={probe ? probeLabel(probe.name, probe.model) : 'no probe available'} />
          <HanAnswer fileName={job.fileName} answer={job.han} pendingLabel={hanLabel(hanFolder)} />
        </div>
        </>
      )}
    </article>
  );
}

export function RecognizePage() {
  const s = useRecognize();
  const [over, setOver] = useState(false);
  useEffect(() => void useRecognize.getState().loadChoices(), []);
  const probe = s.choices.find((c) => c.id === s.probeId);
  const onDrop = (e: DragEvent<HTMLDivElement>) => {
    e.preventDefault();
    setOver(false);
    const items = e.dataTransfer.items;
    const hasFolder = items && Array.from(items).some((i) => i.webkitGetAsEntry?.()?.isDirectory);
    if (hasFolder) {
      void walkDroppedItems(items).then(({ files }) => s.recognizeFolder(files));
      return;
    }
    const files = [...e.dataTransfer.files];
    if (files.length) void s.recognizeFiles(files);
  };
  const done = s.jobs.filter((j) => j.probe.status === 'done' || j.han.status === 'done');
  const cur = s.current;
  const lastDone = [...s.jobs].reverse().find((j) => j.probe.status === 'done');
  return (
    <section className="recognize-page" aria-labelledby="recognize-heading" data-shipped-probe={String(s.shippedPresent)}>
      <h2 id="recognize-heading">Recognize the instruments in a recording</h2>
      <p className="intro">
        Two models listen to your clip. A probe (a small network reading a diffusion U-Net&rsquo;s activations) and, beside it, the
        Han et al. CNN (a network trained on the log-mel alone). Each gives the 11 IRMAS instruments a probability between 0 and 1,
        window by window. Below each file you see both answers side by side, with the model that gave it.
      </p>
      {s.shippedPresent === false && (
        <p className="message" role="status">
          No shipped probe was found ({SHIPPED_PROBE_DIR} is not in this build).{' '}
          {s.choices.length > 0 ? 'Using a probe saved in this browser instead.' : 'Train a probe on the Probe page (or import probe files there) to recognize instruments.'}
        </p>
      )}
      <div className="who-answers">
        <p className="hint" data-testid="recognize-probe-facts">
          {probe
            ? <>Diffusion probe: <strong>{probeLabel(probe.name, probe.model)}</strong>, a {probe.facts.reads}; trained on {probe.facts.data}; {probe.facts.scores}.</>
            : 'Diffusion probe: none available yet.'}
        </p>
        <p className="hint" data-testid="recognize-han-facts">
          {s.hanFacts === undefined ? <>Han CNN: reading {hanLabel(s.hanFolder)}…</>
            : s.hanFacts === null ? <>Han CNN: models/{s.hanFolder}/ is not in this build, so only the probe answers.</>
              : <>Han et al. CNN: <strong>{s.hanFolder}</strong>, reading the log-mel, {hanFactsLine(s.hanFacts)}.</>}
        </p>
        {s.recognizer && (
          <p className="hint" data-testid="recognize-combined-facts">
            Shipped recognizer: <strong>{s.recognizer.folder}</strong>, the two combined ({s.recognizer.members}
            {s.recognizer.calibration ? ', calibrated as one model' : ', uncalibrated'}); its answer comes first for each file.
          </p>
        )}
        {s.recognizerError && <p role="alert" className="error">Shipped recognizer: {s.recognizerError}</p>}
      </div>
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
        <input id="recognize-file" type="file" multiple accept="audio/*,.wav,.mp3,.ogg,.oga,.flac" aria-describedby="recognize-file-hint"
          onChange={(e) => {
            const files = [...(e.target.files ?? [])];
            e.target.value = '';
            if (files.length) void s.recognizeFiles(files);
          }} />
        <label htmlFor="recognize-folder" className="file-label">Audio folder</label>
        <input id="recognize-folder" type="file" multiple {...dirProps} aria-describedby="recognize-file-hint"
          onChange={(e) => {
            const files = pickedFiles(e.target.files ?? []);
            e.target.value = '';
            if (files.length) void s.recognizeFolder(files);
          }} />
        <p id="recognize-file-hint" className="hint">
          Drop WAV, MP3, Ogg Vorbis or FLAC files (or a folder of them) here, or pick one file, several, or a folder.
          They are recognized one after the other. New files replace the last results. Nothing leaves this computer.
        </p>
        <p className="example-line">
          No clip at hand?{' '}
          <button type="button" onClick={() => void s.recognizeExample()} disabled={s.running}>Try the built-in example</button>{' '}
          <span className="hint">(4 s of synthesised chords, the Clip page&rsquo;s demo: no IRMAS instrument, so expect low probabilities)</span>
        </p>
      </div>
      <p className="visually-hidden" aria-live="polite">
        {lastDone?.probe.result ? `${lastDone.probe.result.instruments.filter((i) => i.predicted).map((i) => i.code).join(', ') || 'no instrument'} predicted in ${lastDone.fileName}` : ''}
      </p>
      {s.skipped.length > 0 && (
        <p className="hint" data-testid="recognize-skipped">
          Skipped {s.skipped.length} {s.skipped.length === 1 ? 'file that is' : 'files that are'} not audio: {s.skipped.slice(0, 5).join(', ')}{s.skipped.length > 5 ? ', …' : ''}.
        </p>
      )}
      {s.running && cur && (
        <div className="queue-status">
          <p data-testid="recognize-queue"><strong>{queueLine(s.jobs, cur.index)}</strong> · {cur.kind === 'probe' ? 'diffusion probe' : 'Han CNN'}</p>
          <ProgressLine label="Recognition progress" progress={cur.progress} />
          <button type="button" onClick={() => s.cancel()}>Cancel the queue</button>
        </div>
      )}
      {!s.running && s.cancelled && (
        <p role="status" data-testid="recognize-cancelled">
          Cancelled. {done.length} of {s.jobs.length} {s.jobs.length === 1 ? 'file has' : 'files have'} an answer; those stay below.
        </p>
      )}
      {s.error && <p role="alert" className="error">{s.error}</p>}
      {s.jobs.length > 0 && (
        <div className="results-head">
          <p className="hint" data-testid="recognize-count">
            {countLine(s.jobs)} Kept in this browser until you clear them.
          </p>
          <button type="button" onClick={() => s.clear()} disabled={s.running}>Clear results</button>
        </div>
      )}
      {s.jobs.map((job) => <FileResult key={job.id} job={job} choices={s.choices} probe={probe} hanFolder={s.hanFolder} recognizer={s.recognizer} />)}
    </section>
  );
}

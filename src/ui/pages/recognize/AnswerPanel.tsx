// One model's answer for one file, labelled with the model: the diffusion probe (its name and the
// U-Net it reads) or the Han CNN (its folder). Waiting, running, failed (a clear message, the other
// answer unaffected) and cancelled states; when done: the probabilities, the named classes, the
// timing, the timeline and every class's score.
import type { RecognizeHanResult } from '../../../compute/messages/recognize-han.ts';
import type { RecognizeResult } from '../../../compute/messages/recognize.ts';
import type { RecognitionResult } from '../../../features/recognition-types.ts';
import { ChartFigure } from '../experiment/ChartFigure.tsx';
import { recognitionCsv } from '../experiment/csv.ts';
import { headName } from '../experiment/provenance.ts';
import { hanFactsLine, hanLabel, probeLabel } from './answer-words.ts';
import type { Answer, AnswerKind } from './batch.ts';
import { ConfidenceBlock } from './ConfidenceBlock.tsx';
import { hasConfidence } from './confidence-words.ts';
import { AllScoresTable, PredictedList, ProbabilityList } from './PredictedList.tsx';
import type { ProbeFacts } from './probe-facts.ts';
import { TimelineChart, TimelineGrid } from './Timeline.tsx';

const TITLES: Record<AnswerKind, string> = { probe: 'Diffusion probe', han: 'Han et al. CNN' };

function Status({ kind, answer, waitingLabel }: { kind: AnswerKind; answer: Answer<unknown>; waitingLabel: string }) {
  if (answer.status === 'waiting') return <p className="hint">Waiting for its turn ({waitingLabel}).</p>;
  if (answer.status === 'running') return <p className="hint">Recognizing now ({waitingLabel})…</p>;
  if (answer.status === 'cancelled') return <p className="hint">{answer.error}</p>;
  if (answer.status === 'failed') return <p role="alert" className="error">{TITLES[kind]} gave no answer: {answer.error}</p>;
  return null;
}

function Timing({ r, testId, modelWord }: { r: RecognizeResult | RecognizeHanResult; testId: string; modelWord: string }) {
  return (
    <p className="hint" data-testid={testId}>
      {r.duration.toFixed(2)} s of audio recognized in {(r.timings.totalMs / 1000).toFixed(2)} s on {r.backend.toUpperCase()}
      {' '}(decode {Math.round(r.timings.decodeMs)} ms, model {Math.round(r.timings.modelMs)} ms, {modelWord} {Math.round(r.timings.recognizeMs)} ms).
    </p>
  );
}

/** An answer's timeline (chart, grid, CSV/JSON) and the table of every class's scores. */
export function TimelineAndScores({ r, fileName, title, provenance }: { r: RecognitionResult; fileName: string; title: string; provenance: string }) {
  return (
    <>
      <ChartFigure title={title} provenance={[provenance]} csv={() => recognitionCsv(r, fileName)} json={() => r} after={<TimelineGrid result={r} />}>
        <TimelineChart result={r} />
      </ChartFigure>
      <AllScoresTable instruments={r.instruments} threshold={r.threshold} recognized={r.recognized} />
    </>
  );
}

export function ProbeAnswer({ fileName, answer, facts, pendingLabel }: { fileName: string; answer: Answer<RecognizeResult>; facts?: ProbeFacts; pendingLabel: string }) {
  const r = answer.result;
  const label = r ? probeLabel(r.probe, r.probeSpec.model) : pendingLabel;
  return (
    <section className="answer" aria-label={`Diffusion probe answer for ${fileName}`} data-status={answer.status}>
      <h4>{TITLES.probe}</h4>
      <p className="answer-model" data-testid="probe-model-label">{label}</p>
      <Status kind="probe" answer={answer} waitingLabel={label} />
      {r && (
        <>
          {hasConfidence(r) && <ConfidenceBlock r={r} kind="probe" />}
          <ProbabilityList instruments={r.instruments} kind="probe" />
          {facts && (
            <p className="answer-facts" data-testid="recognize-facts">
              Answer from <strong>{r.probe}</strong>: a {facts.reads}. Model <strong>{facts.model}</strong> · data{' '}
              <strong>{facts.data}</strong> · <strong>{facts.scores}</strong>.
            </p>
          )}
          <h5>Named by the probe&rsquo;s rule</h5>
          <PredictedList instruments={r.instruments} threshold={r.threshold} kind="probe" calibrated={r.decision === 'calibrated'} />
          <Timing r={r} testId="recognize-timing" modelWord="features and probe" />
          {r.warnings.map((w) => <p key={w} className="hint">{w}</p>)}
          <TimelineAndScores r={r} fileName={r.fileName} title={`Timeline of ${fileName}: diffusion probe`}
            provenance={`model ${r.model} · data ${r.fileName} (${r.duration.toFixed(2)} s) · sigma ${r.probeSpec.sigma} · tap ${r.probeSpec.tap} · head ${headName(r.probeSpec.kind)} · probe ${r.probe} · backend ${r.backend}`} />
        </>
      )}
    </section>
  );
}

export function HanAnswer({ fileName, answer, pendingLabel }: { fileName: string; answer: Answer<RecognizeHanResult>; pendingLabel: string }) {
  const r = answer.result;
  const label = r ? hanLabel(r.han.folder) : pendingLabel;
  return (
    <section className="answer" aria-label={`Han CNN answer for ${fileName}`} data-status={answer.status}>
      <h4>{TITLES.han}</h4>
      <p className="answer-model" data-testid="han-model-label">{label}</p>
      <Status kind="han" answer={answer} waitingLabel={label} />
      {r && (
        <>
          {hasConfidence(r) && <ConfidenceBlock r={r} kind="han" />}
          <ProbabilityList instruments={r.instruments} kind="han" />
          <p className="answer-facts" data-testid="han-facts">
            Answer from <strong>{r.han.folder}</strong>: the Han et al. (2017) CNN reading the log-mel itself (no U-Net), {hanFactsLine(r.han)}.
          </p>
          <h5>Named by the Han CNN&rsquo;s rule</h5>
          <PredictedList instruments={r.instruments} threshold={r.threshold} kind="han" calibrated={r.decision === 'calibrated'} />
          <Timing r={r} testId="han-timing" modelWord="log-mel and CNN" />
          {r.warnings.map((w) => <p key={w} className="hint">{w}</p>)}
          <TimelineAndScores r={r} fileName={r.fileName} title={`Han CNN over time: ${fileName}`}
            provenance={`model ${r.model} · Han CNN ${r.han.folder} · data ${r.fileName} (${r.duration.toFixed(2)} s) · 1 s windows every 0.5 s · backend ${r.backend}`} />
        </>
      )}
    </section>
  );
}

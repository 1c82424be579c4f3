// The shipped recognizer's answer for one file when it is a declared combination of the page's
// two models (models/recognizer/): computed here from the probe's and the Han CNN's answers (their
// raw probabilities, weighted as combination.json says, then its own calibration), by the same
// functions as `npx diffpir recognize --combination`. It says which members and weights made it,
// waits while a member is still running, and names the reason when it cannot be formed (a member
// failed, or the probe chosen is not the one the combination was made of).
import { useEffect, useState } from 'react';
import type { RecognitionResult } from '../../../features/recognition-types.ts';
import { combineAnswers, memberName, type MemberAnswer } from '../../../recognition/combination-answer.ts';
import { TimelineAndScores } from './AnswerPanel.tsx';
import type { FileJob } from './batch.ts';
import { ConfidenceBlock } from './ConfidenceBlock.tsx';
import { PredictedList, ProbabilityList } from './PredictedList.tsx';
import type { ShippedRecognizer } from './shipped-recognizer.ts';

type Combined = { status: 'waiting' } | { status: 'done'; result: RecognitionResult } | { status: 'failed'; error: string };

/** The members' answers in this job, named by folder (`probeFolder`: the folder of the probe that answered, if shipped). */
function memberAnswers(job: FileJob, probeFolder: string | undefined): MemberAnswer[] {
  const out: MemberAnswer[] = [];
  const p = job.probe.result;
  if (p?.identity && probeFolder) out.push({ name: memberName(probeFolder), result: p, identity: p.identity });
  const h = job.han.result;
  if (h?.identity) out.push({ name: h.han.folder, result: h, identity: h.identity });
  return out;
}

export function useCombined(job: FileJob, recognizer: ShippedRecognizer, probeFolder: string | undefined): Combined {
  const [state, setState] = useState<Combined>({ status: 'waiting' });
  const ended = (s: string) => s === 'done' || s === 'failed' || s === 'cancelled';
  const ready = ended(job.probe.status) && ended(job.han.status);
  useEffect(() => {
    if (!ready) {
      setState({ status: 'waiting' });
      return;
    }
    let live = true;
    const failed = [job.probe.status !== 'done' && 'the diffusion probe', job.han.status !== 'done' && 'the Han CNN'].filter(Boolean);
    if (failed.length) {
      setState({ status: 'failed', error: `No combined answer: ${failed.join(' and ')} gave none.` });
      return;
    }
    combineAnswers(recognizer.spec, recognizer.calibration, memberAnswers(job, probeFolder), recognizer.folder)
      .then((result) => live && setState({ status: 'done', result }))
      .catch((e: unknown) => live && setState({ status: 'failed', error: e instanceof Error ? e.message : String(e) }));
    return () => {
      live = false;
    };
  }, [ready, job, recognizer, probeFolder]);
  return state;
}

/** "probe-default × 1, han-cnn-recorded × 1" */
function weightsLine(r: ShippedRecognizer): string {
  return r.spec.members.map((m) => `${memberName(m.folder)} × ${m.weight}`).join(', ');
}

export function CombinedAnswer({ job, recognizer, probeFolder }: { job: FileJob; recognizer: ShippedRecognizer; probeFolder: string | undefined }) {
  const c = useCombined(job, recognizer, probeFolder);
  const r = c.status === 'done' ? c.result : undefined;
  return (
    <section className="answer answer-combined" aria-label={`Shipped recognizer answer for ${job.fileName}`} data-status={c.status}>
      <h4>Shipped recognizer</h4>
      <p className="answer-model" data-testid="combined-model-label">{recognizer.folder}: {recognizer.members} combined</p>
      <p className="hint" data-testid="combined-rule">
        Each class&rsquo;s probability is the weighted mean of the two answers&rsquo; raw probabilities ({weightsLine(recognizer)})
        {recognizer.calibration ? ', then calibrated as one model' : ', uncalibrated: a class is named at 0.5 or more'}.
        {recognizer.spec.note ? <> Chosen: {recognizer.spec.note}</> : null}
      </p>
      {c.status === 'waiting' && <p className="hint">Waiting for both answers below.</p>}
      {c.status === 'failed' && <p role="alert" className="error">{c.error}</p>}
      {r && (
        <>
          <ConfidenceBlock r={r} kind="combined" />
          <ProbabilityList instruments={r.instruments} kind="combined" />
          <h5>Named by the shipped recognizer&rsquo;s rule</h5>
          <PredictedList instruments={r.instruments} threshold={r.threshold} kind="combined" calibrated={r.decision === 'calibrated'} />
          <TimelineAndScores r={r} fileName={job.fileName} title={`Timeline of ${job.fileName}: shipped recognizer`}
            provenance={`${recognizer.folder} (${weightsLine(recognizer)}) · data ${job.fileName} (${r.duration.toFixed(2)} s) · windows of the first member`} />
        </>
      )}
    </section>
  );
}

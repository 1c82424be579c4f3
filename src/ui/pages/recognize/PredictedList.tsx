// One model's answer, raw probability first: every class's mean probability over the windows (0-1,
// not normalised), most probable first, the classes its rule names marked; then the named ones
// with the rule in words. The probe's lists keep the names acceptance tests use ("Instrument
// probabilities", "Predicted instruments"); the Han CNN's have their own, so each is found alone.
import { CLASS_NAMES, isIrmasClass } from '../../../corpus/classes.ts';
import type { InstrumentScore } from '../../../features/recognize.ts';
import type { AnswerKind } from './batch.ts';
import { confidenceWords } from './confidence.ts';

const nameOf = (code: string) => (isIrmasClass(code) ? CLASS_NAMES[code] : code);

/** Who can answer on the page: the two models run per file, and the shipped combination of them. */
export type WordsKind = AnswerKind | 'combined';

/** Per model: who speaks, and the accessible names and test ids of its parts. */
export const ANSWER_WORDS: Record<WordsKind, { who: string; whose: string; probabilities: string; named: string; verdictId: string }> = {
  probe: { who: 'the probe', whose: 'the probe’s', probabilities: 'Instrument probabilities', named: 'Predicted instruments', verdictId: 'recognize-verdict' },
  han: { who: 'the Han CNN', whose: 'the Han CNN’s', probabilities: 'Han CNN probabilities', named: 'Named by the Han CNN', verdictId: 'han-verdict' },
  combined: { who: 'the shipped recognizer', whose: 'the shipped recognizer’s', probabilities: 'Shipped recognizer probabilities', named: 'Named by the shipped recognizer', verdictId: 'combined-verdict' },
};

function Row({ i, named }: { i: InstrumentScore; named?: boolean }) {
  return (
    <li data-code={i.code}>
      <span className="instrument-code">{i.code}</span>{' '}
      <span>
        {nameOf(i.code)}{named && i.predicted ? <span className="named-mark"> · named</span> : null}
        <span className="instrument-track" aria-hidden="true"><span className="instrument-bar" style={{ width: `${Math.round(i.probability * 100)}%` }} /></span>
      </span>{' '}
      <span className="instrument-probability">{i.probability.toFixed(2)}</span>
    </li>
  );
}

/** The top classes by raw probability, with a sentence on how sure that is. */
export function ProbabilityList({ instruments, kind = 'probe', top = 5 }: { instruments: InstrumentScore[]; kind?: WordsKind; top?: number }) {
  const w = ANSWER_WORDS[kind];
  const sorted = [...instruments].sort((a, b) => b.probability - a.probability);
  const best = sorted[0];
  return (
    <>
      {best && (
        <p className="verdict" data-testid={w.verdictId}>
          Most probable: <strong>{nameOf(best.code)} ({best.code})</strong> at probability <strong>{best.probability.toFixed(2)}</strong>: {confidenceWords(best.probability, w.who)}.
        </p>
      )}
      <ul className="instrument-list" aria-label={w.probabilities}>
        {sorted.slice(0, top).map((i) => <Row key={i.code} i={i} named />)}
      </ul>
    </>
  );
}

export function PredictedList({ instruments, threshold, kind = 'probe', calibrated = false }: {
  instruments: InstrumentScore[]; threshold: number | Record<string, number>; kind?: WordsKind; calibrated?: boolean;
}) {
  const w = ANSWER_WORDS[kind];
  const predicted = instruments.filter((i) => i.predicted).sort((a, b) => b.probability - a.probability);
  const t = typeof threshold === 'number' ? threshold.toFixed(2) : 'its per-class threshold';
  const Whose = w.whose[0].toUpperCase() + w.whose.slice(1);
  return (
    <>
      <p className="hint">
        {calibrated
          ? <>With its calibration, {w.whose} rule names every class whose calibrated probability reaches that class&rsquo;s own threshold (chosen on validation data).</>
          : <>{Whose} rule names every class whose probability, divided by the top class&rsquo;s, reaches {t} (chosen on validation data),
            so the most probable class is always named, however low its probability.</>}
      </p>
      <ul className="instrument-list" aria-label={w.named}>
        {predicted.map((i) => <Row key={i.code} i={i} />)}
      </ul>
      {predicted.length === 0 && <p className="hint">No instrument is named by {w.whose} rule for this clip.</p>}
    </>
  );
}

export function AllScoresTable({ instruments, threshold, recognized }: { instruments: InstrumentScore[]; threshold: number | Record<string, number>; recognized?: string[] }) {
  const t = (code: string) => (typeof threshold === 'number' ? threshold : threshold[code]);
  const calibrated = instruments.some((i) => i.calibrated !== undefined);
  return (
    <details className="all-scores">
      <summary>Every class: probability, {calibrated ? 'calibrated probability' : 'normalised score'} and threshold</summary>
      <div className="table-scroll">
        <table className="lab-table">
          <caption>
            {calibrated
              ? <>Mean probability over the windows, the score (probability divided by the top class&rsquo;s), the calibrated probability and the class&rsquo;s threshold on it</>
              : <>Mean probability over the windows, the score the threshold applies to (probability divided by the top class&rsquo;s), and the threshold</>}
          </caption>
          <thead>
            <tr>
              <th scope="col">class</th><th scope="col">probability</th><th scope="col">score</th>{calibrated && <th scope="col">calibrated</th>}
              <th scope="col">threshold</th><th scope="col">named</th>{recognized && <th scope="col">recognized</th>}
            </tr>
          </thead>
          <tbody>
            {instruments.map((i) => (
              <tr key={i.code}>
                <th scope="row">{i.code}</th>
                <td>{i.probability.toFixed(3)}</td>
                <td>{i.score.toFixed(3)}</td>
                {calibrated && <td>{i.calibrated?.toFixed(3) ?? '–'}</td>}
                <td>{t(i.code)?.toFixed(3) ?? '–'}</td>
                <td>{i.predicted ? 'yes' : 'no'}</td>
                {recognized && <td>{recognized.includes(i.code) ? 'yes' : 'no'}</td>}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </details>
  );
}

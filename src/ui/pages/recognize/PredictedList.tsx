// The answer, raw probability first: every class's mean probability over the windows (0-1, not
// normalised), most probable first, the classes the probe's rule names marked; then the named
// ones ("Predicted instruments", a contract used by acceptance tests) with the rule in words.
import { CLASS_NAMES, isIrmasClass } from '../../../corpus/classes.ts';
import type { InstrumentScore } from '../../../features/recognize.ts';
import { confidenceWords } from './confidence.ts';

const nameOf = (code: string) => (isIrmasClass(code) ? CLASS_NAMES[code] : code);

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
export function ProbabilityList({ instruments, top = 5 }: { instruments: InstrumentScore[]; top?: number }) {
  const sorted = [...instruments].sort((a, b) => b.probability - a.probability);
  const best = sorted[0];
  return (
    <>
      {best && (
        <p className="verdict" data-testid="recognize-verdict">
          Most probable: <strong>{nameOf(best.code)} ({best.code})</strong> at probability <strong>{best.probability.toFixed(2)}</strong>: {confidenceWords(best.probability)}.
        </p>
      )}
      <ul className="instrument-list" aria-label="Instrument probabilities">
        {sorted.slice(0, top).map((i) => <Row key={i.code} i={i} named />)}
      </ul>
    </>
  );
}

export function PredictedList({ instruments, threshold }: { instruments: InstrumentScore[]; threshold: number | Record<string, number> }) {
  const predicted = instruments.filter((i) => i.predicted).sort((a, b) => b.probability - a.probability);
  const t = typeof threshold === 'number' ? threshold.toFixed(2) : 'its per-class threshold';
  return (
    <>
      <p className="hint">
        The probe&rsquo;s rule names every class whose probability, divided by the top class&rsquo;s, reaches {t} (chosen on validation data),
        so the most probable class is always named, however low its probability.
      </p>
      <ul className="instrument-list" aria-label="Predicted instruments">
        {predicted.map((i) => <Row key={i.code} i={i} />)}
      </ul>
      {predicted.length === 0 && <p className="hint">No instrument is named by the probe&rsquo;s rule for this clip.</p>}
    </>
  );
}

export function AllScoresTable({ instruments, threshold }: { instruments: InstrumentScore[]; threshold: number | Record<string, number> }) {
  const t = (code: string) => (typeof threshold === 'number' ? threshold : threshold[code]);
  return (
    <details className="all-scores">
      <summary>Every class: probability, normalised score and threshold</summary>
      <div className="table-scroll">
        <table className="lab-table">
          <caption>Mean probability over the windows, the score the threshold applies to (probability divided by the top class&rsquo;s), and the threshold</caption>
          <thead>
            <tr><th scope="col">class</th><th scope="col">probability</th><th scope="col">score</th><th scope="col">threshold</th><th scope="col">named</th></tr>
          </thead>
          <tbody>
            {instruments.map((i) => (
              <tr key={i.code}>
                <th scope="row">{i.code}</th>
                <td>{i.probability.toFixed(3)}</td>
                <td>{i.score.toFixed(3)}</td>
                <td>{t(i.code)?.toFixed(3) ?? '–'}</td>
                <td>{i.predicted ? 'yes' : 'no'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </details>
  );
}

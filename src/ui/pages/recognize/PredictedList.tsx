// The predicted instruments: one list item per instrument above the probe's threshold, with its
// IRMAS code, name and probability (0-1), most probable first. The accessible names are a
// contract used by acceptance tests ("Predicted instruments").
import { CLASS_NAMES, isIrmasClass } from '../../../corpus/classes.ts';
import type { InstrumentScore } from '../../../features/recognize.ts';

export function PredictedList({ instruments }: { instruments: InstrumentScore[] }) {
  const predicted = instruments.filter((i) => i.predicted).sort((a, b) => b.probability - a.probability);
  return (
    <>
      <ul className="instrument-list" aria-label="Predicted instruments">
        {predicted.map((i) => (
          <li key={i.code} data-code={i.code}>
            <span className="instrument-code">{i.code}</span>{' '}
            <span>
              {isIrmasClass(i.code) ? CLASS_NAMES[i.code] : i.code}
              <span className="instrument-bar" style={{ display: 'block', width: `${Math.round(i.probability * 100)}%` }} aria-hidden="true" />
            </span>{' '}
            <span className="instrument-probability">{i.probability.toFixed(2)}</span>
          </li>
        ))}
      </ul>
      {predicted.length === 0 && <p className="hint">No instrument is above the probe&rsquo;s threshold for this clip.</p>}
    </>
  );
}

export function AllScoresTable({ instruments, threshold }: { instruments: InstrumentScore[]; threshold: number | Record<string, number> }) {
  const t = (code: string) => (typeof threshold === 'number' ? threshold : threshold[code]);
  return (
    <div className="table-scroll">
      <table className="lab-table">
        <caption>Every class: mean probability over the windows, the normalised score the threshold applies to, and the threshold</caption>
        <thead>
          <tr><th scope="col">class</th><th scope="col">probability</th><th scope="col">score</th><th scope="col">threshold</th><th scope="col">predicted</th></tr>
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
  );
}

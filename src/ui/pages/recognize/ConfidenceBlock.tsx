// One answer's confidence state: a headline ("Recognized with confidence: …" or "No instrument
// recognized with confidence"), the top three classes always listed with the probability the rule
// reads, the threshold each uses and whether it passed, and the rule in one or two sentences.
import { CLASS_NAMES, isIrmasClass } from '../../../corpus/classes.ts';
import type { RecognitionResult } from '../../../features/recognition-types.ts';
import { confidenceHeadline, ruleProbability, ruleSentence, thresholdWords } from './confidence-words.ts';
import { ANSWER_WORDS, type WordsKind } from './PredictedList.tsx';

const nameOf = (code: string) => (isIrmasClass(code) ? CLASS_NAMES[code] : code);

export function ConfidenceBlock({ r, kind }: { r: RecognitionResult; kind: WordsKind }) {
  const w = ANSWER_WORDS[kind];
  const calibrated = r.decision === 'calibrated';
  const who = w.who[0].toUpperCase() + w.who.slice(1);
  return (
    <div className={`confidence confidence-${r.confidence}`} data-testid={`${kind}-confidence`} data-confidence={r.confidence}>
      <p className="confidence-headline"><strong>{confidenceHeadline(r)}</strong></p>
      <table className="lab-table top3" aria-label={`Top three classes (${w.who.replace(/^the /, '')})`}>
        <thead>
          <tr>
            <th scope="col">top three</th>
            <th scope="col">{calibrated ? 'calibrated probability' : 'probability'}</th>
            <th scope="col">needs</th>
            <th scope="col">recognized</th>
          </tr>
        </thead>
        <tbody>
          {r.top3.map((t) => (
            <tr key={t.code}>
              <th scope="row">{nameOf(t.code)} ({t.code})</th>
              <td>{ruleProbability(r, t.code).toFixed(2)}</td>
              <td>{thresholdWords(r, t.code)}</td>
              <td>{r.recognized.includes(t.code) ? 'yes' : 'no'}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <p className="hint">{ruleSentence(r, who, w.whose)}</p>
    </div>
  );
}

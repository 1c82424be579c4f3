// The paper's claims on the sweep shown (src/sweep/claims.ts): each question, its answer and the
// numbers behind it, the table it was read from on demand. Answers that need cells not yet run
// say so ("n/a"); the cross-model answers (A, B, C) are the command line's: `npx diffpir claims`.
import { useMemo } from 'react';
import { DEFAULT_CLAIMS_MARGIN, paperClaims, type ClaimAnswer } from '../../../sweep/claims.ts';
import type { SweepResults } from '../../../sweep/types.ts';

function ClaimTable({ table }: { table: NonNullable<ClaimAnswer['table']> }) {
  return (
    <details>
      <summary>the numbers</summary>
      <table className="claims-table">
        <thead><tr>{table.header.map((h, i) => <th key={i} scope="col">{h}</th>)}</tr></thead>
        <tbody>{table.rows.map((r, i) => <tr key={i}>{r.map((c, j) => (j === 0 ? <th key={j} scope="row">{c}</th> : <td key={j}>{c}</td>))}</tr>)}</tbody>
      </table>
    </details>
  );
}

export function SweepClaims({ results }: { results: SweepResults }) {
  const answers = useMemo(() => {
    const multi = (results.corpus.info as { withMulti?: unknown }).withMulti === true;
    try {
      return paperClaims([{ label: multi ? 'sweep+multi' : 'sweep', results }]).files[0].answers;
    } catch {
      return null;
    }
  }, [results]);
  if (!answers) return null;
  return (
    <section className="sweep-claims" aria-labelledby="sweep-claims-heading">
      <h3 id="sweep-claims-heading">The paper&rsquo;s claims on this sweep</h3>
      <p className="hint">
        Micro F1. Choices (noise, layer, head) are judged on validation and checked on test and the outside sets; results on
        test. &ldquo;mixed&rdquo;: a check points the other way by more than {DEFAULT_CLAIMS_MARGIN}; &ldquo;tie&rdquo;: within {DEFAULT_CLAIMS_MARGIN} (one
        probe seed; the seed-to-seed spread is about that size).
      </p>
      <ul>
        {answers.map((a) => (
          <li key={a.id} data-testid={`claim-${a.id}`}>
            <strong>{a.question}</strong> <span className={`claim-verdict claim-${a.verdict}`}>{a.verdict}</span>. {a.because}
            {a.table && a.table.rows.length > 0 && <ClaimTable table={a.table} />}
          </li>
        ))}
      </ul>
    </section>
  );
}

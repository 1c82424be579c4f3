// The Data page's credits for the recorded instrument samples the built-in corpus plays:
// every library of the packed bank (banks/recorded/bank.json, fetched from this app's origin)
// with its licence and attribution, as CC BY requires, and which classes it gives.
import { useEffect, useState } from 'react';
import { parseBankIndex, type SampleBankIndex } from '../../../corpus/samples/bank-format.ts';
import { bankBase } from '../../state/lab-locations.ts';

export function RecordingCredits() {
  const [index, setIndex] = useState<SampleBankIndex | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    let live = true;
    fetch(new URL('recorded/bank.json', bankBase()).href)
      .then(async (r) => {
        if (!r.ok) throw new Error(`HTTP ${r.status}`);
        return parseBankIndex(await r.text(), 'banks/recorded/bank.json');
      })
      .then((i) => live && setIndex(i), (e) => live && setError(e instanceof Error ? e.message : String(e)));
    return () => { live = false; };
  }, []);
  const classesOf = (lib: string) => [...new Set(index?.instruments.filter((i) => i.library === lib).map((i) => i.class))].join(', ');
  return (
    <section aria-labelledby="credits-heading">
      <details>
        <summary><h2 id="credits-heading" style={{ display: 'inline' }}>Recorded instruments and their licences</h2></summary>
        <p className="hint">
          The built-in corpus plays recorded samples from these openly licensed libraries (packed by <code>npx diffpir bank build</code>;
          full provenance in <code>banks/recorded/PROVENANCE.md</code>), and the SoundFont banks FluidR3Mono_GM, MuseScore_General_Lite (MIT) and TimGM6mb (GPL-2).
        </p>
        {error && <p className="error" role="alert">Could not read the bank's credits: {error}</p>}
        {index && (
          <table aria-label="Sample libraries, licences and attribution">
            <thead><tr><th>library</th><th>classes</th><th>licence</th><th>attribution</th><th>from</th></tr></thead>
            <tbody>
              {index.libraries.map((l) => (
                <tr key={l.id}>
                  <td>{l.name}</td><td>{classesOf(l.id)}</td><td>{l.licence}</td><td>{l.attribution}</td><td><code>{l.repo}</code></td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </details>
    </section>
  );
}

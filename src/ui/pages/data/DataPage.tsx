// The Data page: render the built-in corpus (on the first visit, and resumable), look at its clips (counts, filters,
// thumbnails, playback), import IRMAS / OpenPIR, and remove stored corpora.
import { RecordingCredits } from './RecordingCredits.tsx';
import { useEffect, useState } from 'react';
import { builtinListing, useCorpus } from '../../state/corpus.ts';
import { ClipBrowser } from './ClipBrowser.tsx';
import { CorpusImport } from './CorpusImport.tsx';
import { CorpusRenderPanel } from './CorpusRenderPanel.tsx';

export function DataPage() {
  const { corpora, loaded, listError, preset, remove, job } = useCorpus();
  const [chosen, setChosen] = useState<string | null>(null);
  useEffect(() => {
    void useCorpus.getState().refresh().then(() => useCorpus.getState().autoRender());
  }, []);
  const current = corpora.find((c) => c.id === chosen) ?? builtinListing(corpora, preset) ?? corpora[0];
  return (
    <div className="data-page">
      <CorpusRenderPanel />
      {listError && <p className="error" role="alert">{listError}</p>}
      <section aria-labelledby="stored-heading">
        <h2 id="stored-heading">Stored corpora</h2>
        {loaded && corpora.length === 0 && <p className="hint">Nothing stored in this browser yet.</p>}
        {corpora.length > 0 && (
          <ul className="corpora">
            {corpora.map((c) => (
              <li key={c.id}>
                <label>
                  <input type="radio" name="corpus" checked={current?.id === c.id} onChange={() => setChosen(c.id)} /> {c.id}
                </label>{' '}
                <span className="hint">{c.manifest.source}, {c.manifest.clips.length} clips{c.manifest.skipped.length ? `, ${c.manifest.skipped.length} skipped` : ''}</span>{' '}
                <button type="button" aria-label={`Delete ${c.id} from this browser`} disabled={job.running} onClick={() => void remove(c.id)}>Delete</button>
              </li>
            ))}
          </ul>
        )}
        {current && <ClipBrowser key={current.id} id={current.id} manifest={current.manifest} />}
      </section>
      <CorpusImport />
      <RecordingCredits />
    </div>
  );
}

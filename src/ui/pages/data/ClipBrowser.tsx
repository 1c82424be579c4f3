// A stored corpus's clips: per-class counts by split, filters by class and split, and a page of
// clips with labels, duration, a mel thumbnail and a play button.
import { useEffect, useMemo, useState } from 'react';
import { IRMAS_CLASSES } from '../../../corpus/classes.ts';
import type { CorpusManifest, Split } from '../../../corpus/types.ts';
import { useCorpus } from '../../state/corpus.ts';
import { playClip, useThumbs } from '../../state/corpus-thumbs.ts';
import { messageOf } from '../../state/lab-locations.ts';
import { MelThumb } from './MelThumb.tsx';

const PAGE = 24;
const SPLITS: Split[] = ['train', 'validation', 'test'];

export function ClipBrowser({ id, manifest }: { id: string; manifest: CorpusManifest }) {
  const imported = useCorpus((s) => s.importedAudio[id]);
  const { thumbs, failed, request } = useThumbs();
  const [cls, setCls] = useState('');
  const [split, setSplit] = useState('');
  const [page, setPage] = useState(0);
  const [playError, setPlayError] = useState<string | null>(null);
  const counts = useMemo(() => {
    const c = Object.fromEntries(SPLITS.map((s) => [s, Object.fromEntries(IRMAS_CLASSES.map((k) => [k, 0]))])) as Record<Split, Record<string, number>>;
    for (const x of manifest.clips) for (const l of x.labels) c[x.split][l]++;
    return c;
  }, [manifest]);
  const shown = manifest.clips.filter((c) => (!cls || c.labels.includes(cls as never)) && (!split || c.split === split));
  const pages = Math.max(1, Math.ceil(shown.length / PAGE));
  const visible = shown.slice(page * PAGE, page * PAGE + PAGE);
  const needsAudio = manifest.source !== 'rendered';
  const key = visible.map((c) => c.id).join(',');
  useEffect(() => {
    if (visible.length && (!needsAudio || imported)) request(id, visible.map((c) => c.id), needsAudio ? imported : undefined);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [id, key, imported]);

  return (
    <section className="clip-browser" aria-label={`Clips of ${id}`}>
      <table className="counts" aria-label={`Clips per class in ${id}`}>
        <thead>
          <tr><th scope="col">split</th>{IRMAS_CLASSES.map((k) => <th scope="col" key={k}>{k}</th>)}<th scope="col">clips</th></tr>
        </thead>
        <tbody>
          {SPLITS.map((s) => (
            <tr key={s}>
              <th scope="row">{s}</th>
              {IRMAS_CLASSES.map((k) => <td key={k}>{counts[s][k]}</td>)}
              <td>{manifest.clips.filter((c) => c.split === s).length}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <div className="controls-row">
        <label>
          Class{' '}
          <select aria-label="Class" value={cls} onChange={(e) => { setCls(e.target.value); setPage(0); }}>
            <option value="">all</option>
            {IRMAS_CLASSES.map((k) => <option key={k} value={k}>{k}</option>)}
          </select>
        </label>
        <label>
          Split{' '}
          <select aria-label="Split" value={split} onChange={(e) => { setSplit(e.target.value); setPage(0); }}>
            <option value="">all</option>
            {SPLITS.map((s) => <option key={s} value={s}>{s}</option>)}
          </select>
        </label>
        <span>{shown.length} clips</span>
        {pages > 1 && (
          <span className="pager">
            <button type="button" onClick={() => setPage(Math.max(0, page - 1))} disabled={page === 0}>Previous</button>
            {' '}page {page + 1} of {pages}{' '}
            <button type="button" onClick={() => setPage(Math.min(pages - 1, page + 1))} disabled={page >= pages - 1}>Next</button>
          </span>
        )}
      </div>
      {needsAudio && !imported && <p className="hint">The audio of imported corpora stays in its folder: pick the folder again to play or draw these clips.</p>}
      {playError && <p className="error" role="alert">{playError}</p>}
      <ul className="clip-list" aria-label="Clips">
        {visible.map((c) => {
          const thumb = thumbs[`${id}/${c.id}`];
          return (
            <li key={c.id} data-clip={c.id}>
              <button type="button" aria-label={`Play ${c.id}`} disabled={needsAudio && !imported?.[c.id]}
                onClick={() => playClip(id, c.file, imported?.[c.id]).catch((e) => setPlayError(messageOf(e)))}>▶</button>
              <span className="clip-id">{c.id}</span>
              <span className="clip-labels">{c.labels.join(' + ')}</span>
              <span className="clip-split">{c.split}</span>
              <span className="clip-dur">{c.duration ? `${c.duration.toFixed(1)} s` : ''}</span>
              {thumb ? <MelThumb thumb={thumb} label={`Log-mel of ${c.id}`} /> : <span className="mel-thumb-empty">{failed[`${id}/${c.id}`] ? 'no audio' : ''}</span>}
            </li>
          );
        })}
      </ul>
    </section>
  );
}

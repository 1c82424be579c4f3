// Compare: drop or choose a labelled folder (labels.json, or IRMAS style: a .txt beside each file
// or the class code in [brackets] in its name) and see how well the probe and the Han CNN recognize
// its files: micro/macro F1, class-wise precision/recall/F1 and a confusion table for each, from
// the same scoreFolder pipeline as `npx diffpir score`.
import { useState, type DragEvent } from 'react';
import { pickedFiles, walkDroppedItems } from '../../../store/import-files.ts';
import { ClassMetricsTable } from '../experiment/ClassMetricsTable.tsx';
import { ProgressLine } from '../experiment/ProgressLine.tsx';
import { confusionView, summaryRow } from './folder-score-data.ts';
import { useFolderScore, type ModelScore } from './folder-score-state.ts';

const dirProps = { webkitdirectory: '' } as Record<string, string>;
const TITLES = { probe: 'Diffusion probe', han: 'Han et al. CNN' } as const;

function ConfusionTable({ name, score }: { name: string; score: ModelScore }) {
  const c = score.result!.score.confusion;
  const v = confusionView(c);
  return (
    <div className="table-scroll">
      <table className="lab-table confusion" aria-label={`Confusion table: ${name}`}>
        <caption>{name}: for the files labelled with each class (rows), how often each class was recognized (columns), or none</caption>
        <thead>
          <tr><th scope="col">labelled</th><th scope="col">files</th>{v.columns.map((p) => <th key={p} scope="col">{p}</th>)}<th scope="col">none</th></tr>
        </thead>
        <tbody>
          {v.rows.map((r) => (
            <tr key={r.code}>
              <th scope="row">{r.code}</th><td>{r.support}</td>
              {r.counts.map((n, i) => <td key={v.columns[i]} className={v.columns[i] === r.code ? 'diagonal' : undefined}>{n}</td>)}
              <td>{r.none}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

export function FolderScorePanel() {
  const s = useFolderScore();
  const [over, setOver] = useState(false);
  const onDrop = (e: DragEvent<HTMLDivElement>) => {
    e.preventDefault();
    setOver(false);
    void walkDroppedItems(e.dataTransfer.items).then(({ folder, files }) => s.scoreFolder(files, folder));
  };
  const models = ([['probe', s.probe], ['han', s.han]] as const).filter((m): m is readonly ['probe' | 'han', ModelScore] => m[1] !== null);
  const done = models.filter(([, m]) => m.status === 'done' && m.result);
  return (
    <section aria-labelledby="folder-score-heading" className="folder-score">
      <h3 id="folder-score-heading">Score a labelled folder</h3>
      <p className="intro">
        Choose or drop a folder of audio files with their labels. The labels come from a <code>labels.json</code> in the folder
        (<code>{'{"a.wav": ["pia", "voi"]}'}</code>), or, IRMAS style, from a <code>.txt</code> beside each file (one class code per line)
        or the code in brackets in the file name (<code>[pia]song.wav</code>). The diffusion probe and the Han CNN each recognize every
        file, and you see how often each was right. Nothing leaves this computer.
      </p>
      <div className={over ? 'drop-zone drop-zone-over' : 'drop-zone'}
        onDragOver={(e) => { e.preventDefault(); setOver(true); }} onDragLeave={() => setOver(false)} onDrop={onDrop}>
        <label htmlFor="score-folder" className="file-label">Labelled folder</label>
        <input id="score-folder" type="file" multiple {...dirProps} disabled={s.running}
          onChange={(e) => {
            const list = e.target.files ?? [];
            const folder = (list[0] as (File & { webkitRelativePath?: string }) | undefined)?.webkitRelativePath?.split('/')[0] || 'chosen folder';
            const files = pickedFiles(list);
            e.target.value = '';
            if (files.length) void s.scoreFolder(files, folder);
          }} />
        <p className="hint">The same scoring as <code>npx diffpir score &lt;folder&gt;</code>: a class counts as recognized when the model names it with confidence.</p>
      </div>
      {s.error && <p role="alert" className="error">{s.error}</p>}
      {s.folderName && s.fileCount > 0 && (
        <p className="hint" data-testid="folder-score-found">
          {s.folderName}: {s.fileCount} labelled audio {s.fileCount === 1 ? 'file' : 'files'} ({s.layout === 'labels.json' ? 'labels from labels.json' : 'IRMAS style: .txt files or [code] in the names'}).
        </p>
      )}
      {s.warnings.map((w) => <p key={w} className="hint">{w}</p>)}
      {s.running && s.current && (
        <div className="queue-status">
          <p data-testid="folder-score-progress"><strong>{TITLES[s.current.kind]}</strong> · {s.current.kind === 'probe' ? s.probe?.label : s.han?.label}</p>
          <ProgressLine label="Scoring progress" progress={s.current.progress} />
          <button type="button" onClick={() => s.cancel()}>Cancel scoring</button>
        </div>
      )}
      {models.map(([kind, m]) => (
        m.status === 'failed' ? <p key={kind} role="alert" className="error">{TITLES[kind]} ({m.label}) could not score the folder: {m.error}</p>
          : m.status === 'cancelled' ? <p key={kind} className="hint">{TITLES[kind]} ({m.label}): {m.error}</p> : null
      ))}
      {done.length > 0 && (
        <div className="folder-score-results" data-testid="folder-score-results">
          <table className="lab-table" aria-label={`Scores on ${s.folderName}`}>
            <caption>Scores on {s.folderName}: each file&rsquo;s labels against the classes recognized with confidence</caption>
            <thead>
              <tr><th scope="col">model</th><th scope="col">micro F1</th><th scope="col">macro F1</th><th scope="col">files scored</th><th scope="col">skipped</th><th scope="col">not sure</th><th scope="col">calibration error (ECE)</th></tr>
            </thead>
            <tbody>
              {done.map(([kind, m]) => {
                const r = summaryRow(m.result!.score, s.missing.length);
                return (
                  <tr key={kind}>
                    <th scope="row">{m.label}</th>
                    <td data-metric="micro">{r.micro.toFixed(3)}</td><td data-metric="macro">{r.macro.toFixed(3)}</td>
                    <td>{r.scored}</td><td>{r.skipped}</td><td>{r.notSure}</td><td>{r.ece}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
          <ClassMetricsTable caption={`Class-wise precision, recall and F1 on ${s.folderName}`}
            systems={done.map(([, m]) => ({ name: m.label, report: m.result!.score.report }))} />
          {done.map(([kind, m]) => <ConfusionTable key={kind} name={m.label} score={m} />)}
          {[...s.missing, ...(done[0]?.[1].result!.score.skipped ?? [])].length > 0 && (
            <details>
              <summary>Files not scored</summary>
              <ul>{[...s.missing, ...done[0][1].result!.score.skipped].map((f) => <li key={f.name}>{f.why}</li>)}</ul>
            </details>
          )}
        </div>
      )}
    </section>
  );
}

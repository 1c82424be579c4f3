// Saving the trained probe in this browser, the saved probes (export as files, delete), and
// importing probe files back.
import { useEffect, useState } from 'react';
import { probeRecords } from '../experiment/lab-records.ts';
import { exportProbeFiles, probeFromFiles } from './probe-files.ts';
import { defaultProbeName, useProbe } from './probe-state.ts';

export function SavedProbes() {
  const { result, saved, savedId, save, refreshSaved } = useProbe();
  const [name, setName] = useState('');
  const [message, setMessage] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => void refreshSaved(), [refreshSaved]);
  const act = async (f: () => Promise<void>) => {
    setError(null);
    try {
      await f();
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    }
  };
  return (
    <section aria-labelledby="saved-probes-heading" className="lab-saved">
      <h3 id="saved-probes-heading">Save and load probes</h3>
      {result && (
        <form className="inline-form" onSubmit={(e) => { e.preventDefault(); void save(name).then(() => setMessage('Saved in this browser.')); }}>
          <label htmlFor="probe-name">Probe name</label>
          <input id="probe-name" value={name} placeholder={defaultProbeName(result)} onChange={(e) => setName(e.target.value)} />
          <button type="submit" disabled={savedId !== null}>{savedId ? 'Saved' : 'Save probe'}</button>
          <button type="button" onClick={() => exportProbeFiles(result.probe)}>Export probe files</button>
        </form>
      )}
      <div className="field">
        <label htmlFor="probe-import">Import probe files</label>
        <input id="probe-import" type="file" multiple accept=".json,.bin,application/json"
          onChange={(e) => {
            const files = [...(e.target.files ?? [])];
            e.target.value = '';
            if (files.length) void act(async () => {
              const record = await probeFromFiles(files);
              await probeRecords.put(record);
              await refreshSaved();
              setMessage(`Imported "${record.name}".`);
            });
          }} />
        <span className="hint">probe.json together with its weights.bin</span>
      </div>
      <p aria-live="polite" className="hint">{message}</p>
      {error && <p role="alert" className="error">{error}</p>}
      {saved.length > 0 && (
        <ul aria-label="Saved probes" className="saved-list">
          {saved.map((r) => (
            <li key={r.id}>
              <span>{r.name}</span>
              <span className="hint">{r.result ? ` test micro F1 ${r.result.test.micro.f1.toFixed(3)}` : ' not scored here'} · {r.savedAt.slice(0, 16).replace('T', ' ')}</span>
              <button type="button" onClick={() => exportProbeFiles(r.files)} aria-label={`Export ${r.name}`}>Export</button>
              <button type="button" onClick={() => void act(async () => { await probeRecords.delete(r.id); await refreshSaved(); })} aria-label={`Delete ${r.name}`}>Delete</button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

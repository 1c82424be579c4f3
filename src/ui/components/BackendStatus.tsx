// The active backend in a user's words, with the technical reason and a control to force another
// backend one click away (a disclosure).
import { useEffect, type ChangeEvent } from 'react';
import { BACKEND_LABEL } from '../../compute/choose.ts';
import { BACKEND_PREFERENCE, isBackendName } from '../../compute/types.ts';
import { useBackend } from '../state/backend.ts';
import { markOnce } from '../timing.ts';
import { BACKEND_IN_WORDS } from './backend-words.ts';

export function BackendStatus() {
  const { status, choice, forced, error, force } = useBackend();

  useEffect(() => {
    if (status === 'ready' && choice) markOnce('backend-shown');
  }, [status, choice]);

  const onChange = (e: ChangeEvent<HTMLSelectElement>) => {
    const v = e.target.value;
    void force(isBackendName(v) ? v : null);
  };

  return (
    <section className="backend" aria-label="Compute backend">
      <p className="backend-line">
        <span className="backend-label">Backend: </span>
        <strong data-testid="backend-name">
          {status === 'starting' ? 'starting…' : choice ? BACKEND_LABEL[choice.name] : 'none'}
        </strong>
        {status === 'ready' && choice && <span className="backend-words" data-testid="backend-words"> · {BACKEND_IN_WORDS[choice.name]}</span>}
      </p>
      {status === 'error' && <p className="error" role="alert">{error}</p>}
      <details className="backend-details">
        <summary>Why this backend, and how to change it</summary>
        <p className="backend-reason" data-testid="backend-reason">{status === 'error' ? error : choice?.reason}</p>
        <label className="backend-force">
          Use backend{' '}
          <select value={forced ?? 'auto'} onChange={onChange} disabled={status === 'starting'}>
            <option value="auto">automatic</option>
            {BACKEND_PREFERENCE.map((b) => (
              <option key={b} value={b}>{BACKEND_LABEL[b]}</option>
            ))}
          </select>
        </label>
      </details>
    </section>
  );
}

// Notices from the compute worker (WebGPU device lost, a request retried on WASM, a backend
// that failed to start), shown until dismissed and announced politely.
import { useBackend } from '../state/backend.ts';

export function Notices() {
  const { notices, dismissNotice } = useBackend();
  return (
    <div className="notices" role="status" aria-live="polite">
      {notices.map((n, i) => (
        <p key={i} className="notice" data-code={n.code}>
          <span>{n.message}</span>
          <button type="button" onClick={() => dismissNotice(i)} aria-label="Dismiss notice">×</button>
        </p>
      ))}
    </div>
  );
}

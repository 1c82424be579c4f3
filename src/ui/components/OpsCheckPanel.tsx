// Diagnostics: run a small set of ops on the active backend and on CPU, show the max errors;
// on WebGPU, also offer to simulate a lost device (the app then falls back to WASM).
import { useBackend } from '../state/backend.ts';
import { useOpsCheck } from '../state/ops-check.ts';
import { compute } from '../compute.ts';

export const OPS_TOLERANCE = 1e-5;

export function OpsCheckPanel() {
  const { running, result, error, run } = useOpsCheck();
  const backend = useBackend((s) => s.choice?.name);
  const ready = useBackend((s) => s.status === 'ready');
  return (
    <details className="diagnostics">
      <summary>Diagnostics: check the backend against CPU</summary>
      <div className="diagnostics-actions">
        <button type="button" onClick={() => void run()} disabled={running || !ready}>
          {running ? 'Checking…' : 'Run ops check'}
        </button>
        {backend === 'webgpu' && (
          <button type="button" onClick={() => void compute().request('loseDevice', {})}>Simulate WebGPU device loss</button>
        )}
      </div>
      {error && <p className="error" role="alert">{error}</p>}
      {result && (
        <table className="ops-table" aria-label="Ops check results">
          <caption data-testid="ops-summary">
            {result.backend} vs {result.reference}: largest error {result.maxAbsError.toExponential(2)}{' '}
            {result.maxAbsError <= OPS_TOLERANCE ? '(within 1e-5)' : '(ABOVE 1e-5)'} in {result.ms.toFixed(0)} ms
          </caption>
          <thead><tr><th scope="col">op</th><th scope="col">output shape</th><th scope="col">max abs error</th></tr></thead>
          <tbody>
            {result.rows.map((r) => (
              <tr key={r.op}><td>{r.op}</td><td>[{r.shape.join(', ')}]</td><td data-op={r.op}>{r.maxAbsError.toExponential(2)}</td></tr>
            ))}
          </tbody>
        </table>
      )}
    </details>
  );
}

// View state that lives in the URL so a link reproduces it. For now: the forced backend
// (`?backend=wasm`); later pages add model, clip, sigma, tap, head and seed here.
import { isBackendName, type BackendName } from '../compute/types.ts';

export function forcedBackendFromUrl(): BackendName | null {
  const v = new URLSearchParams(location.search).get('backend');
  return v !== null && isBackendName(v) ? v : null;
}

export function setForcedBackendInUrl(name: BackendName | null): void {
  const url = new URL(location.href);
  if (name) url.searchParams.set('backend', name);
  else url.searchParams.delete('backend');
  history.replaceState(history.state, '', url);
}

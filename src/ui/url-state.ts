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

/** A view parameter (model, clip, sigma, tap, head, seed...) from the URL, or null. */
export function viewParam(name: string): string | null {
  return new URLSearchParams(location.search).get(name);
}

/** A numeric view parameter, or `fallback` when absent or not a finite number. */
export function viewNumber(name: string, fallback: number): number {
  const v = viewParam(name);
  const n = v === null || v.trim() === '' ? NaN : Number(v);
  return Number.isFinite(n) ? n : fallback;
}

/** Sets view parameters in the URL (null removes one) without adding a history entry. */
export function setViewParams(values: Record<string, string | number | null>): void {
  const url = new URL(location.href);
  for (const [k, v] of Object.entries(values)) {
    if (v === null) url.searchParams.delete(k);
    else url.searchParams.set(k, String(v));
  }
  history.replaceState(history.state, '', url);
}

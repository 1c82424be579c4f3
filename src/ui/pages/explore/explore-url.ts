// The Explore view in the URL (`?page=explore&model=&clip=&sigma=&tap=&seed=&window=`), so a link
// reproduces a view: parsing with checks (anything malformed falls back to the default) and the
// parameters to write back. Pure: unit-tested.
import { parseClipRef, parseModelRef } from '../../../explore/refs.ts';

export interface ExploreView {
  /** Model text ref ("student-v1", "random-init", "user:<id>"), or null: the page's default. */
  model: string | null;
  clip: string;
  sigma: number;
  tap: string | null;
  seed: number;
  window: number;
}

export const DEFAULT_SIGMA = 0.2;

const TAP = /^(?:d\d+\.down|u\d+\.up|level\d+|[du]\d+\.\d+\.(?:resnet|modulation|attention|cross_attention))$/;

/** sigma rounded to 3 decimals and clamped to [0, 1]. */
export function cleanSigma(x: number): number {
  return Math.round(Math.max(0, Math.min(1, x)) * 1000) / 1000;
}

export function parseExploreView(search: string): ExploreView {
  const q = new URLSearchParams(search);
  const num = (k: string) => {
    const v = q.get(k);
    const n = v === null || v.trim() === '' ? NaN : Number(v);
    return Number.isFinite(n) ? n : null;
  };
  const model = q.get('model');
  const clip = q.get('clip');
  const tap = q.get('tap');
  const sigma = num('sigma');
  const seed = num('seed');
  const window = num('window');
  return {
    model: model !== null && parseModelRef(model, 'http://x/models/') ? model : null,
    clip: clip !== null && parseClipRef(clip) ? clip : 'demo',
    sigma: sigma === null ? DEFAULT_SIGMA : cleanSigma(sigma),
    tap: tap !== null && TAP.test(tap) ? tap : null,
    seed: seed !== null && Number.isInteger(seed) && seed >= 0 && seed <= 0xffffffff ? seed : 0,
    window: window !== null && Number.isInteger(window) && window >= 0 ? window : 0,
  };
}

/** URL parameters for a view (defaults are left out to keep links short). */
export function exploreViewParams(v: ExploreView): Record<string, string | number | null> {
  return {
    model: v.model,
    clip: v.clip === 'demo' ? null : v.clip,
    sigma: v.sigma,
    tap: v.tap,
    seed: v.seed === 0 ? null : v.seed,
    window: v.window === 0 ? null : v.window,
  };
}

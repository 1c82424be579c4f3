// Platt scaling of one class: q = sigmoid(a * logit(p) + b), fitted by Newton's method on the
// mean log loss against Platt's smoothed targets (positives (N+ + 1)/(N+ + 2), negatives
// 1/(N- + 2)), plus a tiny ridge pulling (a, b) towards the identity (1, 0) so a direction the
// data cannot fix (e.g. every p equal) stays near the identity. Backtracking line search; at most
// 100 iterations; no randomness, so the same input gives the same (a, b). Monotone: a >= 0.
import { check } from '../common/errors.ts';
import type { PlattParams } from './types.ts';

/** Probabilities are clamped to [EPS, 1 - EPS] before the logit. */
export const LOGIT_EPS = 1e-6;
/** Weight of the ridge towards (a, b) = (1, 0), relative to the mean log loss. */
export const PLATT_RIDGE = 1e-4;

export function logit(p: number): number {
  const q = Math.min(1 - LOGIT_EPS, Math.max(LOGIT_EPS, p));
  return Math.log(q / (1 - q));
}

export function sigmoid(z: number): number {
  return z >= 0 ? 1 / (1 + Math.exp(-z)) : Math.exp(z) / (1 + Math.exp(z));
}

/** The calibrated probability of a raw probability. */
export function applyPlatt(p: number, { a, b }: PlattParams): number {
  return sigmoid(a * logit(p) + b);
}

export interface PlattFit extends PlattParams {
  iterations: number;
  converged: boolean;
  /** True when the best slope was negative and a was held at 0 (see fitPlatt). */
  clamped: boolean;
  /** Mean log loss (against the smoothed targets) at the fit. */
  loss: number;
}

/** log(1 + e^z) without overflow. */
function softplus(z: number): number {
  return z > 0 ? z + Math.log1p(Math.exp(-z)) : Math.log1p(Math.exp(z));
}

/**
 * Fits (a, b) on raw probabilities `p` and 0/1 `labels` of one class (same length, both classes
 * present is not required: the ridge keeps the fit defined, but callers skip such classes).
 * Monotone by default: a calibration may stretch or shift the model's probabilities but not
 * reverse its ranking, so when the best slope is negative (the model ranks the class backwards
 * on this set) a is held at 0 and b = logit(mean target): every clip gets the smoothed base rate.
 */
export function fitPlatt(p: ArrayLike<number>, labels: ArrayLike<number>, opts: { maxIterations?: number; ridge?: number; monotone?: boolean } = {}): PlattFit {
  const n = p.length;
  check(n > 0 && labels.length === n, () => `platt: ${n} probabilities and ${labels.length} labels`);
  const ridge = opts.ridge ?? PLATT_RIDGE;
  const maxIt = opts.maxIterations ?? 100;
  let pos = 0;
  for (let i = 0; i < n; i++) {
    check(labels[i] === 0 || labels[i] === 1, () => `platt: label ${i} is ${labels[i]}, not 0/1`);
    check(Number.isFinite(p[i]) && p[i] >= 0 && p[i] <= 1, () => `platt: probability ${i} is ${p[i]}, outside [0, 1]`);
    pos += labels[i];
  }
  const hi = (pos + 1) / (pos + 2);
  const lo = 1 / (n - pos + 2);
  const z = Float64Array.from({ length: n }, (_, i) => logit(p[i]));
  const t = Float64Array.from({ length: n }, (_, i) => (labels[i] === 1 ? hi : lo));

  // Mean of t*softplus(-s) + (1-t)*softplus(s) with s = a z + b, plus the ridge.
  const loss = (a: number, b: number) => {
    let s = 0;
    for (let i = 0; i < n; i++) {
      const v = a * z[i] + b;
      s += t[i] * softplus(-v) + (1 - t[i]) * softplus(v);
    }
    return s / n + (ridge / 2) * ((a - 1) ** 2 + b ** 2);
  };

  let a = 1;
  let b = 0;
  let f = loss(a, b);
  let it = 0;
  let converged = false;
  for (; it < maxIt; it++) {
    let ga = 0, gb = 0, haa = 0, hab = 0, hbb = 0;
    for (let i = 0; i < n; i++) {
      const q = sigmoid(a * z[i] + b);
      const r = q - t[i];
      const w = q * (1 - q);
      ga += r * z[i];
      gb += r;
      haa += w * z[i] * z[i];
      hab += w * z[i];
      hbb += w;
    }
    ga = ga / n + ridge * (a - 1);
    gb = gb / n + ridge * b;
    haa = haa / n + ridge;
    hab /= n;
    hbb = hbb / n + ridge;
    const det = haa * hbb - hab * hab;
    // Newton step; the ridge keeps det > 0.
    const da = -(hbb * ga - hab * gb) / det;
    const db = -(haa * gb - hab * ga) / det;
    if (Math.abs(ga) < 1e-12 && Math.abs(gb) < 1e-12) {
      converged = true;
      break;
    }
    let step = 1;
    let next = loss(a + da, b + db);
    while (next > f + 1e-4 * step * (ga * da + gb * db) && step > 1e-10) {
      step /= 2;
      next = loss(a + step * da, b + step * db);
    }
    if (!(next <= f)) {
      converged = true; // no descent left at float precision
      break;
    }
    a += step * da;
    b += step * db;
    const moved = Math.abs(step * da) + Math.abs(step * db);
    f = next;
    if (moved < 1e-10) {
      converged = true;
      it++;
      break;
    }
  }
  if (a < 0 && opts.monotone !== false) {
    let m = 0;
    for (let i = 0; i < n; i++) m += t[i] / n;
    const b0 = Math.log(m / (1 - m));
    return { a: 0, b: b0, iterations: it, converged, clamped: true, loss: loss(0, b0) };
  }
  return { a, b, iterations: it, converged, clamped: false, loss: f };
}

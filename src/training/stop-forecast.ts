// Where early stopping would end a run if its validation v-loss kept the trend of its recent
// validations: fits vLoss = a + b·ln(step) (least squares; the lab's runs fall about linearly in
// ln(step) once past warm-up) to the last `window` validations, then plays the run's own stopping
// rule (EarlyStop, from its current state) on the fitted curve. An extrapolation for planning, not a
// promise; `diffpir train-status` prints it beside what the run has measured.
import { EarlyStop, type EarlyStopState } from './early-stop.ts';

export interface StopForecast {
  /** Validations the trend was fitted to. */
  fitted: number;
  /** Relative change of the fitted v-loss over the next 100 steps at the last validation (-0.0015 = -0.15 %). */
  relPer100: number;
  /** The step at which the rule would stop on the fitted curve; null when not within the horizon. */
  stopStep: number | null;
  /** The fitted v-loss of the best validation at that stop. */
  bestAtStop: number | null;
  /** Steps looked ahead from the last validation. */
  horizon: number;
}

export interface ForecastInput {
  validations: readonly { step: number; vLoss: number }[];
  /** Early stopping as of the last of `validations`. */
  state: EarlyStopState;
  patience: number;
  minRelDelta: number;
  /** Validations to fit (the most recent). Default 10. */
  window?: number;
  /** Steps to look ahead before giving up. Default 50000. */
  horizon?: number;
}

/** Least-squares a + b·ln(step); null when the steps do not vary. */
export function fitLogTrend(points: readonly { step: number; vLoss: number }[]): { a: number; b: number } | null {
  const xs = points.map((p) => Math.log(p.step));
  const n = xs.length;
  const mx = xs.reduce((s, x) => s + x, 0) / n;
  const my = points.reduce((s, p) => s + p.vLoss, 0) / n;
  let sxx = 0, sxy = 0;
  for (let i = 0; i < n; i++) {
    sxx += (xs[i] - mx) ** 2;
    sxy += (xs[i] - mx) * (points[i].vLoss - my);
  }
  if (!(sxx > 0)) return null;
  const b = sxy / sxx;
  return { a: my - b * mx, b };
}

/** The forecast, or null with fewer than three usable validations (steps > 0) or irregular spacing. */
export function forecastStop(o: ForecastInput): StopForecast | null {
  const pts = o.validations.filter((v) => v.step > 0 && Number.isFinite(v.vLoss)).slice(-(o.window ?? 10));
  if (pts.length < 3) return null;
  const every = pts[pts.length - 1].step - pts[pts.length - 2].step;
  if (!(every > 0)) return null;
  const fit = fitLogTrend(pts);
  if (!fit) return null;
  const at = (s: number) => fit.a + fit.b * Math.log(s);
  const last = pts[pts.length - 1].step;
  const relPer100 = (at(last + 100) - at(last)) / at(last);
  const horizon = o.horizon ?? 50000;
  const rule = new EarlyStop({ patience: o.patience, minRelDelta: o.minRelDelta }, o.state);
  let stopStep: number | null = null;
  if (rule.stopped) stopStep = last;
  for (let s = last + every; stopStep === null && s <= last + horizon; s += every) {
    if (rule.observe(at(s), s) === 'stop') stopStep = s;
  }
  return { fitted: pts.length, relPer100, stopStep, bestAtStop: stopStep === null ? null : rule.state.bestVLoss, horizon };
}

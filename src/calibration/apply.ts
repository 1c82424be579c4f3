// Applying a calibration to a recognizer's raw clip probabilities: per class the Platt mapping,
// rounded to 4 decimals as every probability in a recognition result is, then the class's
// threshold (q >= threshold). The fit chooses thresholds on values made by this same function.
import { LabError } from '../common/errors.ts';
import { applyPlatt } from './platt.ts';
import type { Calibration, ClassCalibration } from './types.ts';

export const round4 = (x: number): number => Math.round(x * 1e4) / 1e4;

/** The calibrated probability of one class, as results report it. */
export function calibratedProbability(raw: number, cls: Pick<ClassCalibration, 'a' | 'b'>): number {
  return round4(applyPlatt(raw, cls));
}

/** The calibration's classes in the model's class order; a LabError unless they are the same set. */
export function alignCalibration(cal: Pick<Calibration, 'classes'>, classes: readonly string[], where = 'calibration'): ClassCalibration[] {
  const byCode = new Map(cal.classes.map((c) => [c.code, c]));
  const missing = classes.filter((c) => !byCode.has(c));
  const extra = cal.classes.map((c) => c.code).filter((c) => !classes.includes(c));
  if (missing.length || extra.length || cal.classes.length !== classes.length) {
    throw new LabError(
      `${where}: its classes (${cal.classes.map((c) => c.code).join(' ')}) are not the model's (${classes.join(' ')})` +
        `${missing.length ? `; missing ${missing.join(' ')}` : ''}${extra.length ? `; extra ${extra.join(' ')}` : ''}`,
    );
  }
  return classes.map((c) => byCode.get(c)!);
}

/** Calibrated probabilities and decisions of one clip (raw probabilities in the order of `aligned`). */
export function calibrateRow(aligned: readonly ClassCalibration[], raw: ArrayLike<number>): { probabilities: number[]; passes: boolean[] } {
  const probabilities = aligned.map((c, i) => calibratedProbability(raw[i], c));
  return { probabilities, passes: probabilities.map((q, i) => q >= aligned[i].threshold) };
}

// calibration.json: writing (stable key order, indented) and reading with every field
// the recognizer uses checked, so a damaged or foreign file fails with one line naming it.
import { LabError, check } from '../common/errors.ts';
import type { Calibration, ClassCalibration, ReliabilityBin } from './types.ts';

export const CALIBRATION_FILE = 'calibration.json';
export const CALIBRATION_FORMAT = 'diffpir-calibration';

export function formatCalibration(cal: Calibration): string {
  return JSON.stringify(cal, null, 1) + '\n';
}

const isNum = (x: unknown): x is number => typeof x === 'number' && Number.isFinite(x);

/** Checks a parsed calibration.json (`where` names the file in messages). */
export function parseCalibration(json: unknown, where = CALIBRATION_FILE): Calibration {
  const o = json as Partial<Calibration> | null;
  check(o !== null && typeof o === 'object' && !Array.isArray(o), `${where}: not a JSON object`);
  check(o.format === CALIBRATION_FORMAT, `${where}: format is ${JSON.stringify(o.format)}, expected "${CALIBRATION_FORMAT}"`);
  check(o.version === 1, `${where}: version ${String(o.version)} is not supported (expected 1)`);
  check(o.method === 'platt', `${where}: method ${JSON.stringify(o.method)} is not supported (expected "platt")`);
  check(o.model && (o.model.kind === 'probe' || o.model.kind === 'han' || o.model.kind === 'combination') && typeof o.model.weights === 'string',
    `${where}: model must be {kind: "probe"|"han"|"combination", weights: "<sha256>"}`);
  check(o.fittedOn && typeof o.fittedOn.name === 'string' && typeof o.fittedOn.contentId === 'string' && isNum(o.fittedOn.clips),
    `${where}: fittedOn must name the validation set (name, contentId, clips)`);
  check(Array.isArray(o.classes) && o.classes.length > 0, `${where}: classes must be a non-empty list`);
  const seen = new Set<string>();
  o.classes.forEach((c: Partial<ClassCalibration>, i) => {
    check(c && typeof c.code === 'string' && c.code.length > 0, `${where}: class ${i} has no code`);
    check(!seen.has(c.code), `${where}: class ${c.code} appears twice`);
    seen.add(c.code);
    check(isNum(c.a) && isNum(c.b), `${where}: class ${c.code}: a and b must be finite numbers`);
    check(isNum(c.threshold) && c.threshold >= 0 && c.threshold <= 1, `${where}: class ${c.code}: threshold must be in [0, 1]`);
  });
  check(o.ece && isNum(o.ece.before) && isNum(o.ece.after), `${where}: ece must hold before and after`);
  const bins = (x: unknown, which: string): ReliabilityBin[] => {
    check(Array.isArray(x), `${where}: reliability.${which} must be a list of bins`);
    return x as ReliabilityBin[];
  };
  check(o.reliability && typeof o.reliability === 'object', `${where}: reliability is missing`);
  bins(o.reliability.before, 'before');
  bins(o.reliability.after, 'after');
  return o as Calibration;
}

/** Parses calibration.json text. */
export function readCalibrationText(text: string, where = CALIBRATION_FILE): Calibration {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (e) {
    throw new LabError(`${where}: not valid JSON (${(e as Error).message})`);
  }
  return parseCalibration(json, where);
}

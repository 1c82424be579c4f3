// Control cells shared between sweeps. A random-init control's cells depend on its weights, the
// corpus and the sweep settings, never on the subject (each probe trains on the control's own
// features with a fixed seed), so the sweep of Model B can take them from Model A's results
// instead of computing them again (`npx diffpir sweep --reuse-control a.json`). The Han CNN cell
// likewise, when both name the same baseline. Cells are copied only when the control weights and
// everything in the fingerprint but the subject match; the results file notes where they came from.
import { LabError } from '../common/errors.ts';
import { stableJson } from '../features/hash.ts';
import type { ModelSource } from '../features/model-source.ts';
import type { CellResult, SweepResults } from './types.ts';

/** Fingerprint fields a control cell does not depend on. */
const SUBJECT_ONLY = new Set(['subject', 'control', 'baseline']);

/** The control cells (and the baseline cell, same baseline) of `other` (a results file named `where`) usable in a sweep with this fingerprint and control. */
export function reusableControlCells(other: SweepResults, fingerprint: Record<string, unknown>, control: ModelSource | undefined, where: string): CellResult[] {
  if (!control) throw new LabError(`--reuse-control ${where}: this sweep has no control (--control none)`);
  if (!other.control) throw new LabError(`--reuse-control ${where}: that sweep ran without a control`);
  if (other.control.hash !== control.hash) {
    throw new LabError(`--reuse-control ${where}: its control ${other.control.id} has other weights (${other.control.hash.slice(0, 12)}) than this sweep's ${control.id} (${control.hash.slice(0, 12)})`);
  }
  const theirs = other.fingerprint ?? {};
  const differ = Object.keys({ ...theirs, ...fingerprint }).filter((k) => !SUBJECT_ONLY.has(k) && stableJson(theirs[k]) !== stableJson(fingerprint[k]));
  if (differ.length > 0) {
    throw new LabError(`--reuse-control ${where}: made with other settings or data (${differ.map((k) => `${k}: ${stableJson(theirs[k])} there, ${stableJson(fingerprint[k])} here`).join('; ')})`);
  }
  const sameBaseline = fingerprint.baseline !== null && fingerprint.baseline !== undefined && stableJson(theirs.baseline) === stableJson(fingerprint.baseline);
  return other.cells.filter((c) => c.role === 'control' || (sameBaseline && c.role === 'baseline'));
}

// Reading a sweep results file (this page's JSON export, or `diffpir sweep --out`) to draw it.
import type { SweepResults } from '../../../sweep/types.ts';

/** A sweep results file's contents, checked enough to draw. */
export function parseSweepResults(text: string, name: string): SweepResults {
  let r: Partial<SweepResults>;
  try {
    r = JSON.parse(text) as Partial<SweepResults>;
  } catch (e) {
    throw new Error(`${name}: not valid JSON (${(e as Error).message})`);
  }
  if (!r || r.format !== 'diffpir-sweep' || !Array.isArray(r.cells) || !r.settings || !r.subject || !r.corpus) {
    throw new Error(`${name}: not DiffPIR sweep results (format "diffpir-sweep" with cells, settings, subject and corpus)`);
  }
  return { choices: {}, notes: [], stage2Taps: [], ...r } as SweepResults;
}

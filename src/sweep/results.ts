// Starting or resuming a results file: a new file gets the settings, models and corpus; an
// existing one is resumed only when its fingerprint (everything a cell's figures depend on
// besides the cell's own sigma/tap/head) matches, else a LabError names what differs. One
// exception: a file made without a baseline accepts one (only the baseline cell is added).
import { LabError } from '../common/errors.ts';
import { FEATURES_VERSION } from '../features/cache.ts';
import { stableJson } from '../features/hash.ts';
import type { ModelSource } from '../features/model-source.ts';
import { BASELINE_CELL_PREFIX, cellId, stage1Cells, stage2Cells, stage3Cells } from './plan.ts';
import type { CellResult, ModelRole, SweepCorpus, SweepResults, SweepSettings } from './types.ts';

export function sweepFingerprint(
  settings: SweepSettings, subject: ModelSource, control: ModelSource | undefined, corpus: SweepCorpus, baseline: string | undefined,
): Record<string, unknown> {
  return {
    features: FEATURES_VERSION,
    subject: `${subject.id}#${subject.hash.slice(0, 16)}`,
    control: control ? `${control.id}#${control.hash.slice(0, 16)}` : null,
    corpus: corpus.id,
    maxClips: settings.maxClips ?? null,
    noiseSeed: settings.noiseSeed,
    probeSeed: settings.probeSeed,
    window: settings.window,
    fit: settings.fit,
    baseline: baseline ?? null,
    // Only when given, so files made before outside sets existed still resume.
    ...(corpus.outside?.length ? { outside: corpus.outside.map((o) => `${o.name}#${o.id}`) } : {}),
  };
}

export function newResults(
  fingerprint: Record<string, unknown>, settings: SweepSettings, subject: ModelSource, control: ModelSource | undefined,
  corpus: SweepCorpus, taps: { stage1Tap: string; stage2Taps: string[] }, backend: string,
): SweepResults {
  const now = new Date().toISOString();
  const ref = (m: ModelSource) => ({ id: m.id, hash: m.hash, origin: m.origin });
  return {
    format: 'diffpir-sweep', version: 1, fingerprint, settings,
    subject: ref(subject), control: control ? ref(control) : undefined,
    corpus: { id: corpus.id, info: corpus.info }, ...taps,
    cells: [], choices: {}, backend, started: now, updated: now, wallSeconds: 0, notes: [],
  };
}

/** Resumes `stored` when it matches `fingerprint`; otherwise explains what differs. */
export function resumeResults(stored: unknown, fingerprint: Record<string, unknown>, where: string): SweepResults {
  const r = stored as Partial<SweepResults>;
  if (!r || r.format !== 'diffpir-sweep' || r.version !== 1 || !Array.isArray(r.cells)) {
    throw new LabError(`${where}: not a DiffPIR sweep results file (format "diffpir-sweep", version 1); give another --out`);
  }
  const old = (r.fingerprint ?? {}) as Record<string, unknown>;
  // A file swept without a baseline takes one later: the baseline cell depends on nothing the
  // probe cells do, so they stay valid and only the baseline cell runs.
  if (old.baseline === null && typeof fingerprint.baseline === 'string') {
    old.baseline = fingerprint.baseline;
    r.notes = (r.notes ?? []).filter((n) => !n.startsWith('baseline: no Han CNN'));
  }
  const differ = Object.keys({ ...old, ...fingerprint }).filter((k) => stableJson(old[k]) !== stableJson(fingerprint[k]));
  if (differ.length > 0) {
    const say = differ.map((k) => `${k}: ${stableJson(old[k])} there, ${stableJson(fingerprint[k])} now`).join('; ');
    throw new LabError(`${where} was made with other settings (${say}); give another --out or remove it to start again`);
  }
  return r as SweepResults;
}

/** Adds or replaces a cell. */
export function putCell(results: SweepResults, cell: CellResult): void {
  const i = results.cells.findIndex((c) => c.id === cell.id);
  if (i >= 0) results.cells[i] = cell;
  else results.cells.push(cell);
}

/**
 * Sorts the cells into the order a single-process sweep finishes them (baseline, stage 1, 2, 3;
 * subject before control), whatever order they arrived in (a queue, merged shards).
 */
export function orderCells(results: SweepResults): void {
  const roles: ModelRole[] = ['subject', 'control'];
  const { settings, choices } = results;
  const keys = [
    ...stage1Cells(settings, results.stage1Tap, roles),
    ...(choices.sigma ? stage2Cells(choices.sigma.value, results.stage2Taps, roles) : []),
    ...(choices.sigma && choices.tap ? stage3Cells(choices.sigma.value, choices.tap.value, settings.heads, roles) : []),
  ];
  const rank = new Map<string, number>();
  for (const k of keys) if (!rank.has(cellId(k))) rank.set(cellId(k), rank.size);
  const at = (c: CellResult) => (c.id.startsWith(BASELINE_CELL_PREFIX) ? -1 : rank.get(c.id) ?? rank.size);
  const before = new Map(results.cells.map((c, i) => [c, i]));
  results.cells.sort((a, b) => at(a) - at(b) || before.get(a)! - before.get(b)!);
}

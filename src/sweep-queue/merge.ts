// `diffpir merge`: the shard files of one sweep (--shard i/N, any machines) joined into one
// results file by cell key, the stage choices made again from the joined cells. Shards of
// another plan, corpus or models are refused by content: the sweep fingerprint (models with
// their weight hashes, the corpus id with its content hash, seeds, window, training settings,
// baseline) and the plan (sigmas, heads, taps) must be the same in every file.
import { LabError } from '../common/errors.ts';
import { hashJson, stableJson } from '../features/hash.ts';
import { chooseStages } from '../sweep/plan.ts';
import { orderCells } from '../sweep/results.ts';
import type { CellResult, Stage, SweepResults } from '../sweep/types.ts';

export interface ShardFile {
  name: string;
  results: unknown;
}

/** What must be equal for two files to be parts of one sweep. */
function planOf(r: SweepResults): Record<string, unknown> {
  return {
    ...r.fingerprint,
    sigmas: r.settings.sigmas,
    heads: r.settings.heads,
    stage1Tap: r.stage1Tap,
    stage2Taps: r.stage2Taps,
  };
}

/** 12 hex digits naming a sweep's plan by content (printed by merge). */
export async function planId(r: SweepResults): Promise<string> {
  return (await hashJson(planOf(r))).slice(0, 12);
}

/** Fields that change from run to run of the same cell. */
const TIMING = new Set(['seconds', 'finishedAt', 'backend']);
const figures = (c: CellResult) => stableJson(Object.fromEntries(Object.entries(c).filter(([k]) => !TIMING.has(k))));

function asResults(f: ShardFile): SweepResults {
  const r = f.results as Partial<SweepResults> | undefined;
  if (!r || r.format !== 'diffpir-sweep' || r.version !== 1 || !Array.isArray(r.cells) || !r.fingerprint || !r.settings) {
    throw new LabError(`${f.name}: not a DiffPIR sweep results file (format "diffpir-sweep", version 1)`);
  }
  return r as SweepResults;
}

export async function mergeShards(files: ShardFile[]): Promise<{ results: SweepResults; warnings: string[] }> {
  if (files.length === 0) throw new LabError('no shard files given');
  const all = files.map((f) => ({ name: f.name, r: asResults(f) }));
  const [head, ...rest] = all;
  const plan = planOf(head.r);
  for (const { name, r } of rest) {
    const other = planOf(r);
    const differ = Object.keys({ ...plan, ...other }).filter((k) => stableJson(plan[k]) !== stableJson(other[k]));
    if (differ.length > 0) {
      const say = differ.map((k) => `${k}: ${stableJson(plan[k])} in ${head.name}, ${stableJson(other[k])} in ${name}`).join('; ');
      throw new LabError(`${name} is a shard of another sweep than ${head.name} (plan ${await planId(head.r)} there, ${await planId(r)} here: ${say}); merge only the shards of one sweep`);
    }
  }
  const warnings: string[] = [];
  const counts = new Set(all.map(({ r }) => r.shard?.count));
  if (counts.size === 1 && head.r.shard) {
    const n = head.r.shard.count;
    const seen = new Set(all.map(({ r }) => r.shard!.index));
    const missing = [...Array(n).keys()].filter((i) => !seen.has(i));
    if (missing.length > 0) warnings.push(`shard${missing.length > 1 ? 's' : ''} ${missing.map((i) => `${i}/${n}`).join(', ')} not given: ${missing.length > 1 ? 'their' : 'its'} cells are not in the merged file`);
  }
  const byId = new Map<string, { cell: CellResult; from: string }>();
  for (const { name, r } of all) {
    for (const cell of r.cells) {
      const had = byId.get(cell.id);
      if (!had) byId.set(cell.id, { cell, from: name });
      else if (figures(had.cell) !== figures(cell)) warnings.push(`cell ${cell.id} differs between ${had.from} and ${name}; kept ${had.from}'s`);
    }
  }
  const stages = [...new Set(all.flatMap(({ r }) => r.settings.stages))].sort() as Stage[];
  const merged: SweepResults = {
    ...head.r,
    settings: { ...head.r.settings, stages },
    cells: [...byId.values()].map((x) => x.cell),
    started: all.map(({ r }) => r.started).sort()[0],
    updated: new Date().toISOString(),
    wallSeconds: mergedWall(all.map(({ r }) => r)),
    notes: [...new Set(all.flatMap(({ r }) => (r.notes ?? []).filter((n) => !n.startsWith('merged from '))))],
  };
  const shards = all.filter(({ r }) => r.shard).map(({ r }) => `${r.shard!.index}/${r.shard!.count}`);
  merged.notes.push(`merged from ${all.length} file${all.length === 1 ? '' : 's'}${shards.length ? ` (shards ${shards.join(', ')})` : ''}, plan ${await planId(head.r)}`);
  delete merged.shard;
  delete merged.seedWallSeconds;
  merged.choices = chooseStages(merged.cells, merged.settings, merged);
  orderCells(merged);
  return { results: merged, warnings };
}

/** Wall seconds of the runs behind the files: each file's own, plus an earlier stage's (--from) once, not once per shard. */
export function mergedWall(files: readonly SweepResults[]): number {
  const seeds = new Set(files.map((r) => r.seedWallSeconds).filter((x): x is number => x !== undefined));
  const own = files.reduce((s, r) => s + (r.wallSeconds ?? 0) - (r.seedWallSeconds ?? 0), 0);
  return own + [...seeds].reduce((a, b) => a + b, 0);
}

// The paper's training regimes (its Table 1) on the lab's data, as four runs of trainModelNode:
//   Model 0: pre-trained from random weights on every training source (the pre-training corpora pooled,
//            single-label clips; the multi-label set is kept out so that B and C measure what it adds);
//   Model A: Model 0 fine-tuned on the single-label training clips of the fine-tuning corpus;
//   Model B: Model 0 fine-tuned on single-label + multi-label (OpenPIR-like) clips;
//   Model C: Model A continued on single-label + multi-label clips.
// Each runs until its validation v-loss stops improving (early stopping) under a step cap, in its own
// folder <out>/model-<id>, and is resumed from its checkpoint when interrupted.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { LabError } from '../common/errors.ts';
import { CHECKPOINT_DIR, CHECKPOINT_JSON } from './run-store-node.ts';
import type { TrainState } from './checkpoint.ts';

export type RegimeId = '0' | 'a' | 'b' | 'c';

export interface Regime {
  id: RegimeId;
  /** Folder name under the regimes' output folder, and the model's name. */
  name: string;
  what: string;
  data: 'pretrain' | 'finetune';
  withMulti: boolean;
  /** The regime whose model this one starts from (null: random weights). */
  from: RegimeId | null;
}

export const REGIMES: readonly Regime[] = [
  { id: '0', name: 'model-0', what: 'pre-trained from random weights on every training source (single-label clips)', data: 'pretrain', withMulti: false, from: null },
  { id: 'a', name: 'model-a', what: 'Model 0 fine-tuned on single-label clips', data: 'finetune', withMulti: false, from: '0' },
  { id: 'b', name: 'model-b', what: 'Model 0 fine-tuned on single-label + multi-label clips', data: 'finetune', withMulti: true, from: '0' },
  { id: 'c', name: 'model-c', what: 'Model A continued on single-label + multi-label clips', data: 'finetune', withMulti: true, from: 'a' },
];

export function parseRegimeIds(text: string | undefined): RegimeId[] {
  if (text === undefined) return REGIMES.map((r) => r.id);
  const ids = text.split(',').map((s) => s.trim().toLowerCase()).filter(Boolean);
  for (const id of ids) if (!REGIMES.some((r) => r.id === id)) throw new LabError(`--only: unknown regime "${id}" (choose among 0, a, b, c)`);
  return REGIMES.filter((r) => ids.includes(r.id)).map((r) => r.id);
}

/**
 * `--from-model 0=models/model-0,a=<dir>`: model folders standing in for finished regimes, so that a
 * fresh clone fine-tunes A/B from the shipped Model 0 (or C from a given Model A) without training them
 * again. A regime given this way is not trained; those starting from it read the given folder.
 */
export function parseFromModels(text: string | undefined, flag = '--from-model'): Partial<Record<RegimeId, string>> {
  const given: Partial<Record<RegimeId, string>> = {};
  if (text === undefined) return given;
  for (const part of text.split(',').map((s) => s.trim()).filter(Boolean)) {
    const eq = part.indexOf('=');
    const id = (eq < 0 ? '' : part.slice(0, eq).trim().toLowerCase()) as RegimeId;
    const dir = eq < 0 ? '' : part.slice(eq + 1).trim();
    if (!REGIMES.some((r) => r.id === id) || dir === '') {
      throw new LabError(`${flag}: "${part}" is not <regime>=<model folder> (regime 0, a, b or c; e.g. 0=models/model-0)`);
    }
    if (given[id] !== undefined) throw new LabError(`${flag}: regime ${id} given twice`);
    given[id] = dir;
  }
  return given;
}

/**
 * `--continue c=<snapshot folder>` (a `--snapshot-to` folder): a regime whose run has no checkpoint here starts from that folder (a
 * snapshot of its own earlier run, e.g. from another machine) instead of from its parent. Adam moments and
 * the weight average cannot come along, so they restart with the warm-up; the card says what it continues.
 */
export function continueNote(folder: string): string {
  const cfg = path.join(folder, 'config.json');
  if (!existsSync(cfg)) throw new LabError(`--continue: ${folder} is not a model folder (no config.json)`);
  const t = (JSON.parse(readFileSync(cfg, 'utf8')) as { training?: { steps?: number; stop?: { bestStep?: number; bestVLoss?: number } } }).training;
  const where = t?.steps !== undefined
    ? ` (that run's weights after ${t.stop?.bestStep !== undefined ? `its best validation, step ${t.stop.bestStep} of ${t.steps}` : `${t.steps} steps`}` +
      `${t.stop?.bestVLoss !== undefined ? `, v-loss ${t.stop.bestVLoss.toFixed(4)}` : ''}; see its card for how it was made)`
    : '';
  return `continues this regime's earlier run from \`${folder}\`${where}; step numbers here start again at 0, and Adam moments and the weight average restarted with the warm-up`;
}

export const regimeDir = (out: string, id: RegimeId) => path.join(out, REGIMES.find((r) => r.id === id)!.name);

export type RegimeStatus = 'new' | 'resume' | 'done';

/** Where a regime's run stands: no checkpoint (new), a checkpoint to continue (resume), or a published model
 * whose run ended (stopped by patience, or at the step cap). */
export function regimeStatus(dir: string, steps: number, patience: number | undefined): RegimeStatus {
  const ck = path.join(dir, CHECKPOINT_DIR, CHECKPOINT_JSON);
  if (!existsSync(ck)) return 'new';
  const state = JSON.parse(readFileSync(ck, 'utf8')) as TrainState;
  const ended = state.step >= steps || (patience !== undefined && (state.earlyStop?.sinceBest ?? 0) >= patience);
  return ended && existsSync(path.join(dir, 'model.json')) ? 'done' : 'resume';
}

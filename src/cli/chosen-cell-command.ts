// The `diffpir train-probe` command line that retrains a sweep's chosen cell: the sweep's corpus flags, seeds,
// fit and window settings wherever they differ from train-probe's defaults, so the printed hint reproduces the cell.
import { sweepSettings } from '../sweep/settings.ts';
import type { SweepSettings } from '../sweep/types.ts';

export interface ChosenCell { sigma: number | null; tap: string | null; head: string }
export interface ChosenCellContext { model: string; corpus: string; corpusSeed?: number; withMulti?: boolean; settings: SweepSettings }

export function chosenCellCommand(ctx: ChosenCellContext, cell: ChosenCell): string {
  const d = sweepSettings();
  const s = ctx.settings;
  const parts = ['npx diffpir train-probe', `--model ${ctx.model}`, `--corpus ${ctx.corpus}`];
  if (ctx.corpusSeed !== undefined) parts.push(`--seed ${ctx.corpusSeed}`);
  if (s.maxClips !== undefined) parts.push(`--max-clips ${s.maxClips}`);
  if (ctx.withMulti) parts.push('--with-multi');
  parts.push(`--sigma ${cell.sigma}`, `--tap ${cell.tap}`, `--head ${cell.head}`);
  if (s.noiseSeed !== d.noiseSeed) parts.push(`--noise-seed ${s.noiseSeed}`);
  if (s.probeSeed !== d.probeSeed) parts.push(`--probe-seed ${s.probeSeed}`);
  if (s.fit.epochs !== d.fit.epochs) parts.push(`--epochs ${s.fit.epochs}`);
  if (s.fit.patience !== d.fit.patience) parts.push(`--patience ${s.fit.patience}`);
  if (s.window.frames !== d.window.frames || s.window.hop !== d.window.hop) parts.push(`--window ${s.window.frames}/${s.window.hop}`);
  parts.push('--out <dir>');
  return parts.join(' ');
}

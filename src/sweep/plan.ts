// Which cells each stage runs and how a stage's winner is chosen: always by the subject model's
// clip-level validation micro F1 (then macro F1, then the earlier candidate), never by test
// scores. Pure functions of the settings and the completed cells.
import { LabError } from '../common/errors.ts';
import type { HeadKind } from '../probes/heads/index.ts';
import type { UNetConfig } from '../unet/config.ts';
import { paperProbeSites } from '../unet/taps.ts';
import type { CellKey, CellResult, ModelRole, SweepChoices, SweepSettings } from './types.ts';

export function cellId(k: CellKey): string {
  return `${k.role}|${k.sigma}|${k.tap}|${k.head}`;
}

export const BASELINE_CELL_PREFIX = 'baseline|';

/** Stage 1's tap (the paper's 2nd bottleneck resnet) and stage 2's taps (final down block, every bottleneck resnet, first up block). */
export function stageTaps(cfg: UNetConfig, stage1Tap?: string): { stage1Tap: string; stage2Taps: string[] } {
  const sites = paperProbeSites(cfg);
  const fallback = sites.bottleneck[1] ?? sites.bottleneck[0];
  return { stage1Tap: stage1Tap ?? fallback, stage2Taps: [sites.finalDown, ...sites.bottleneck, sites.firstUp] };
}

export function stage1Cells(settings: SweepSettings, tap: string, roles: ModelRole[]): CellKey[] {
  return settings.sigmas.flatMap((sigma) => roles.map((role) => ({ role, sigma, tap, head: 'mlp' as HeadKind })));
}

export function stage2Cells(sigma: number, taps: string[], roles: ModelRole[]): CellKey[] {
  return taps.flatMap((tap) => roles.map((role) => ({ role, sigma, tap, head: 'mlp' as HeadKind })));
}

export function stage3Cells(sigma: number, tap: string, heads: HeadKind[], roles: ModelRole[]): CellKey[] {
  return heads.flatMap((head) => roles.map((role) => ({ role, sigma, tap, head })));
}

/** The best of `candidates` among the subject's completed cells, by validation micro F1 (then macro F1, then order). */
export function bestCell(cells: readonly CellResult[], candidates: readonly CellKey[]): CellResult | undefined {
  const byId = new Map(cells.map((c) => [c.id, c]));
  return bestByValidation(candidates.filter((k) => k.role === 'subject').map((k) => byId.get(cellId(k))).filter((c): c is CellResult => c !== undefined));
}

/** The first of `cells` with the highest validation micro F1 (ties: macro F1): the rule every stage chooses by. */
export function bestByValidation(cells: readonly CellResult[]): CellResult | undefined {
  let best: CellResult | undefined;
  for (const c of cells) {
    if (!best || c.validation.microF1 > best.validation.microF1 ||
      (c.validation.microF1 === best.validation.microF1 && c.validation.macroF1 > best.validation.macroF1)) best = c;
  }
  return best;
}

const BY = 'subject model, clip-level validation micro F1 (ties: macro F1, then listed order)';

/** Stage winners from the completed cells, or the settings' fixed sigma/tap where a stage has no cells. */
export function chooseStages(
  cells: readonly CellResult[], settings: SweepSettings, taps: { stage1Tap: string; stage2Taps: string[] },
): SweepChoices {
  const choices: SweepChoices = {};
  const s1 = bestCell(cells, stage1Cells(settings, taps.stage1Tap, ['subject']));
  if (s1) choices.sigma = { value: s1.sigma!, by: BY, validationMicroF1: s1.validation.microF1 };
  else if (settings.sigma !== undefined) choices.sigma = { value: settings.sigma, by: 'given (--sigma)' };
  if (!choices.sigma) return choices;
  const s2 = bestCell(cells, stage2Cells(choices.sigma.value, taps.stage2Taps, ['subject']));
  if (s2) choices.tap = { value: s2.tap!, by: BY, validationMicroF1: s2.validation.microF1 };
  else if (settings.tap !== undefined) choices.tap = { value: settings.tap, by: 'given (--tap)' };
  if (!choices.tap) return choices;
  const s3 = bestCell(cells, stage3Cells(choices.sigma.value, choices.tap.value, settings.heads, ['subject']));
  if (s3) choices.head = { value: s3.head as HeadKind, by: BY, validationMicroF1: s3.validation.microF1 };
  return choices;
}

export function requireSigma(choices: SweepChoices, stage: number): number {
  if (!choices.sigma) throw new LabError(`sweep stage ${stage} needs the best sigma: run stage 1 first (in this results file) or give --sigma`);
  return choices.sigma.value;
}

export function requireTap(choices: SweepChoices): string {
  if (!choices.tap) throw new LabError('sweep stage 3 needs the best tap: run stage 2 first (in this results file) or give --tap');
  return choices.tap.value;
}

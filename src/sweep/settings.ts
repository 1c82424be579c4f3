// Default sweep settings and their checks (shared by the CLI and the UI).
import { check } from '../common/errors.ts';
import { DEFAULT_FIT, type FitSettings } from '../probes/fit.ts';
import { HEAD_KINDS, PAPER_HEAD_KINDS, type HeadKind } from '../probes/heads/index.ts';
import { checkWindowSpec, DEFAULT_WINDOW } from '../features/windows.ts';
import { DEFAULT_SIGMAS, SWEEP_EPOCHS, type Stage, type SweepSettings } from './types.ts';

/** Probe training in sweeps: stop on validation patience, under a generous epoch cap. */
export const SWEEP_FIT: FitSettings = { ...DEFAULT_FIT, epochs: SWEEP_EPOCHS };

export type SweepSettingsInput = Partial<Omit<SweepSettings, 'fit'>> & { fit?: Partial<FitSettings> };

export function sweepSettings(partial: SweepSettingsInput = {}): SweepSettings {
  const s: SweepSettings = {
    sigmas: [...DEFAULT_SIGMAS],
    stages: [1, 2, 3],
    noiseSeed: 0,
    probeSeed: 1,
    window: { ...DEFAULT_WINDOW },
    heads: [...PAPER_HEAD_KINDS] as HeadKind[],
    batchSize: 8,
    ...partial,
    fit: { ...SWEEP_FIT, ...partial.fit },
  };
  check(s.sigmas.length > 0, 'sweep: no sigmas');
  for (const x of s.sigmas) check(Number.isFinite(x) && x >= 0 && x <= 1, `sweep: sigma ${x} must be in [0, 1]`);
  check(s.stages.length > 0 && s.stages.every((x: Stage) => x === 1 || x === 2 || x === 3), `sweep: stages must be among 1, 2, 3 (got ${s.stages.join(',')})`);
  for (const h of s.heads) check((HEAD_KINDS as readonly string[]).includes(h), `sweep: unknown head "${h}" (choose ${HEAD_KINDS.join(', ')})`);
  checkWindowSpec(s.window);
  check(Number.isInteger(s.batchSize) && s.batchSize >= 1, `sweep: batch size ${s.batchSize} must be a positive integer`);
  if (s.maxClips !== undefined) check(Number.isInteger(s.maxClips) && s.maxClips >= 1, `sweep: --max-clips ${s.maxClips} must be a positive integer`);
  return s;
}

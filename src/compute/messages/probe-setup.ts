// `probeSetup`: what a model offers a probe (its taps, the paper's probe sites, feature shapes)
// and each head's parameter count for the features at a tap. Reads only the config.
import type { HeadKind } from '../../probes/heads/types.ts';

export interface ProbeSetupParams {
  model: string;
  /** The page's base URL (models/ is resolved against it). */
  appBase: string;
  /** Tap to count parameters for (default: the paper's stage-1 bottleneck tap). */
  tap?: string;
  classes?: number;
}

export interface ProbeSetupResult {
  model: string;
  taps: string[];
  sites: { finalDown: string; bottleneck: string[]; firstUp: string };
  defaultTap: string;
  tap: string;
  /** Per-window shapes at `tap`: pooled [C] and maps [C, H, W] / [C, T]. */
  pooledShape: number[];
  mapShape: number[];
  /** Parameters of each head for the features it reads at `tap` (MLP: pooled; others: maps). */
  parameters: Record<HeadKind, number>;
}

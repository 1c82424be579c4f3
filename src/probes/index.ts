// Public surface of probes: the four heads, their parameter counts, training, and save/load.
// Browser-safe; Node folder I/O is in ./io-node.ts (saveProbeDir, loadProbeDir).
export { HEAD_KINDS, PAPER_BUDGETS, headDefinition, headParamCount, type HeadKind } from './heads/index.ts';
export type { FeatureSet, LabelledFeatures } from './features.ts';
export { DEFAULT_FIT, type EpochReport, type FitOptions, type FitSettings, type StopReason } from './fit.ts';
export { trainProbe, type TrainProbeRequest } from './train.ts';
export { Probe, type ProbeFeatureSpec, type ProbeMeta, type ProbeMetrics } from './probe.ts';
export { loadProbe } from './load.ts';
export { Rng } from './rng.ts';

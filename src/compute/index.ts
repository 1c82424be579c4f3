// Public surface of compute for the page side: backend names and labels, the worker client, and the
// protocol's message types (no TensorFlow.js here). Import by path: ./node.ts (initNodeBackend, Node;
// loading it registers the WASM backend), ./browser/runtime.ts and ./worker.ts (the worker itself).
export { BACKEND_PREFERENCE, isBackendName } from './types.ts';
export type { BackendChoice, BackendName } from './types.ts';
export { BACKEND_LABEL } from './choose.ts';
export { ComputeClient } from './client.ts';
export type { Notice } from './protocol.ts';
export { asLabProgress } from './messages/lab-common.ts';
export type { CorpusRef, ModelFilesPayload, Provenance } from './messages/lab-common.ts';
export type { CorpusRenderResult, CorpusThumb } from './messages/corpus.ts';
export type { DiffusionTrainParams, DiffusionTrainProgress, DiffusionTrainResult } from './messages/diffusion-train.ts';
export type { ExploreResult, ModelInfoResult } from './messages/explore.ts';
export type { HanTrainResult } from './messages/han-train.ts';
export type { MelResult, WaveformOverview } from './messages/mel.ts';
export type { ModelImportResult, SampleMelResult } from './messages/models.ts';
export type { OpsCheckResult } from './messages/ops-check.ts';
export type { ProbeSetupResult } from './messages/probe-setup.ts';
export type { ProbeTrainResult } from './messages/probe-train.ts';
export type { ProjectionResult, ProjectionSet } from './messages/projection.ts';
export type { RecognizeHanResult } from './messages/recognize-han.ts';
export type { RecognizeResult } from './messages/recognize.ts';
export type { ScoreFolderResult, ScoreModel } from './messages/score-folder.ts';
export type { SweepRunParams } from './messages/sweep-run.ts';

// The typed message protocol between the page and the compute worker that owns TensorFlow.js.
// Page -> worker: `request` (id, kind, params) and `cancel` (id). Worker -> page: `progress`,
// `result` or `error` for a request id, plus unsolicited `notice` and `backend` events.
//
// To add a request "foo": put FooParams/FooResult in messages/foo.ts (types only), add one line
// `foo: { params: FooParams; result: FooResult }` to RequestMap below, write handlers/foo.ts
// (a `defineHandler`) and register it with one line in handlers/index.ts. The client needs no
// change: `client.request('foo', params)` is typed from RequestMap.
import type { Progress } from '../common/progress.ts';
import type { BackendChoice, BackendName } from './types.ts';
import type { InitParams, InitResult } from './messages/init.ts';
import type { MelParams, MelResult } from './messages/mel.ts';
import type { OpsCheckParams, OpsCheckResult } from './messages/ops-check.ts';
import type { LoseDeviceParams, LoseDeviceResult } from './messages/lose-device.ts';
import type { ExploreParams, ExploreResult, ModelInfoParams, ModelInfoResult } from './messages/explore.ts';
import type { ProjectionParams, ProjectionResult } from './messages/projection.ts';
import type { CorpusRenderParams, CorpusRenderResult, CorpusThumbsParams, CorpusThumbsResult } from './messages/corpus.ts';
import type { ModelImportParams, ModelImportResult, SampleMelParams, SampleMelResult } from './messages/models.ts';
import type { ProbeSetupParams, ProbeSetupResult } from './messages/probe-setup.ts';
import type { ProbeTrainParams, ProbeTrainResult } from './messages/probe-train.ts';
import type { HanTrainParams, HanTrainResult } from './messages/han-train.ts';
import type { RecognizeParams, RecognizeResult } from './messages/recognize.ts';
import type { RecognizeHanParams, RecognizeHanResult } from './messages/recognize-han.ts';
import type { ScoreFolderParams, ScoreFolderResult } from './messages/score-folder.ts';
import type { SweepRunParams, SweepRunResult } from './messages/sweep-run.ts';
import type { DiffusionTrainParams, DiffusionTrainResult } from './messages/diffusion-train.ts';

export interface RequestMap {
  init: { params: InitParams; result: InitResult };
  mel: { params: MelParams; result: MelResult };
  opsCheck: { params: OpsCheckParams; result: OpsCheckResult };
  loseDevice: { params: LoseDeviceParams; result: LoseDeviceResult };
  explore: { params: ExploreParams; result: ExploreResult };
  modelInfo: { params: ModelInfoParams; result: ModelInfoResult };
  projection: { params: ProjectionParams; result: ProjectionResult };
  corpusRender: { params: CorpusRenderParams; result: CorpusRenderResult };
  corpusThumbs: { params: CorpusThumbsParams; result: CorpusThumbsResult };
  modelImport: { params: ModelImportParams; result: ModelImportResult };
  sampleMel: { params: SampleMelParams; result: SampleMelResult };
  probeSetup: { params: ProbeSetupParams; result: ProbeSetupResult };
  probeTrain: { params: ProbeTrainParams; result: ProbeTrainResult };
  hanTrain: { params: HanTrainParams; result: HanTrainResult };
  recognize: { params: RecognizeParams; result: RecognizeResult };
  recognizeHan: { params: RecognizeHanParams; result: RecognizeHanResult };
  scoreFolder: { params: ScoreFolderParams; result: ScoreFolderResult };
  sweepRun: { params: SweepRunParams; result: SweepRunResult };
  diffusionTrain: { params: DiffusionTrainParams; result: DiffusionTrainResult };
}

export type RequestKind = keyof RequestMap;
export type ParamsOf<K extends RequestKind> = RequestMap[K]['params'];
export type ResultOf<K extends RequestKind> = RequestMap[K]['result'];

/** One request message per kind (a discriminated union on `kind`). */
export type RequestMessage = {
  [K in RequestKind]: { type: 'request'; id: number; kind: K; params: ParamsOf<K> };
}[RequestKind];

export interface CancelMessage {
  type: 'cancel';
  id: number;
}

export type ToWorker = RequestMessage | CancelMessage;

/** An error as it crosses the worker boundary; LabError-ness survives as `name`/`code`. */
export interface WireError {
  name: string;
  message: string;
  code: string;
  stack?: string;
}

/** Something the user should see that is not tied to one request's result. */
export interface Notice {
  code: 'device-lost' | 'retried' | 'backend-failed';
  message: string;
}

export type FromWorker =
  | { type: 'progress'; id: number; progress: Progress }
  | { type: 'result'; id: number; result: unknown; backend: BackendName | null }
  | { type: 'error'; id: number; error: WireError }
  | { type: 'notice'; notice: Notice }
  | { type: 'backend'; choice: BackendChoice };

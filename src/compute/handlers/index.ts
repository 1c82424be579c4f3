// The worker's request handlers, one file each; register a new one with one line here.
import type { HandlerMap } from '../handler.ts';
import { initHandler } from './init.ts';
import { loseDeviceHandler } from './lose-device.ts';
import { melHandler } from './mel.ts';
import { opsCheckHandler } from './ops-check.ts';
import { exploreHandler, modelInfoHandler } from './explore.ts';
import { projectionHandler } from './projection.ts';
import { corpusRenderHandler, corpusThumbsHandler } from './corpus.ts';
import { modelImportHandler, sampleMelHandler } from './models.ts';
import { probeSetupHandler } from './probe-setup.ts';
import { probeTrainHandler } from './probe-train.ts';
import { hanTrainHandler } from './han-train.ts';
import { recognizeHandler } from './recognize.ts';
import { recognizeHanHandler } from './recognize-han.ts';
import { scoreFolderHandler } from './score-folder.ts';
import { sweepRunHandler } from './sweep-run.ts';
import { diffusionTrainHandler } from './diffusion-train.ts';

export const handlers: HandlerMap = {
  init: initHandler,
  mel: melHandler,
  opsCheck: opsCheckHandler,
  loseDevice: loseDeviceHandler,
  explore: exploreHandler,
  modelInfo: modelInfoHandler,
  projection: projectionHandler,
  corpusRender: corpusRenderHandler,
  corpusThumbs: corpusThumbsHandler,
  modelImport: modelImportHandler,
  sampleMel: sampleMelHandler,
  probeSetup: probeSetupHandler,
  probeTrain: probeTrainHandler,
  hanTrain: hanTrainHandler,
  recognize: recognizeHandler,
  recognizeHan: recognizeHanHandler,
  scoreFolder: scoreFolderHandler,
  sweepRun: sweepRunHandler,
  diffusionTrain: diffusionTrainHandler,
};

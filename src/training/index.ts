// Public surface of the training part that runs anywhere (browser worker and Node); Node-only
// pieces (train-node.ts, train-data-node.ts, regimes.ts, run-store-node.ts, parallel-step.ts) are
// imported by path from the CLI.
export { trainDiffusion, type TrainOptions, type TrainResult, type TrainSettings, type InitModel } from './train.ts';
export { runTrainJob, type TrainJob, type TrainJobResult } from './train-job.ts';
export { EarlyStop, checkEarlyStop, type EarlyStopOptions, type EarlyStopState } from './early-stop.ts';
export { MemoryRunStore, type RunStore } from './run-store.ts';
export { evaluateDiffusion, type DiffusionEval } from './evaluate.ts';
export { singleThreadStepper, type Stepper } from './stepper.ts';

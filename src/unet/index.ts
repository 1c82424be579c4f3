// Public surface of unet: the UNetV0 config and presets, the TensorFlow.js model, taps, weight shapes,
// layout conversions, diffusion helpers, seeded random init and MAC counts. Test fixtures: ./testing/ by path.
export { parseUNetConfig } from './config.ts';
export type { UNetConfig } from './config.ts';
export { PAPER_CONFIG, STUDENT_CONFIG, TINY_CONFIG } from './presets.ts';
export { createUNet } from './model.ts';
export type { UNet, UNetOptions } from './model.ts';
export { checkInputShape, listTaps, paperProbeSites, tapNames } from './taps.ts';
export type { PaperProbeSites, TapInfo } from './taps.ts';
export { expectedWeightShapes, expectedWeightSpecs, parameterCount, tfjsShape } from './shapes.ts';
export { fromTorchLayout, toTorchLayout } from './layout.ts';
export { addNoise, ddimStep, ddpmTToSigma, sigmaToDdpmT, vTarget, x0FromV } from './diffusion.ts';
export { randomInitWeights } from './randomInit.ts';
export { forwardMacs } from './macs.ts';
export { TIME_IN_KEY } from './paths.ts';

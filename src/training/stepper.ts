// How the trainer runs its steps: a Stepper made once per run (before the loop) and disposed at
// its end. The default is the single-thread reference (step.ts); Node can pass the parallel one
// (parallel-step.ts). The choice is not part of a run's settings: a checkpoint made with one
// stepper resumes with another.
import type * as tf from '@tensorflow/tfjs';
import type { UNet } from '../unet/model.ts';
import type { AdamOptions, AdamState } from './adam.ts';
import { trainStep, type StepResult } from './step.ts';

export interface Stepper {
  /** Threads computing gradients (1: this one only). */
  readonly threads: number;
  /** One step (gradients, then the Adam update of `model` and `adam`); x, noise [B, 128, T, 1], sigma [B], disposed by the caller. */
  step(x: tf.Tensor, noise: tf.Tensor, sigma: tf.Tensor1D): Promise<StepResult>;
  /** Frees what the stepper holds (threads); safe to call twice. */
  dispose(): Promise<void>;
}

export interface StepperContext {
  model: UNet;
  adam: AdamState;
  options: AdamOptions;
  /** Crops per forward/backward pass (0: a thread's whole part of the batch at once). */
  microBatch: number;
  /** Cancels a step in progress (and the stepper's start). */
  signal?: AbortSignal;
}

export type StepperFactory = (c: StepperContext) => Promise<Stepper>;

/** The single-thread reference: trainStep on this thread. */
export const singleThreadStepper: StepperFactory = async ({ model, adam, options, microBatch }) => ({
  threads: 1,
  step: async (x, noise, sigma) => trainStep(model, adam, options, x, noise, sigma, microBatch),
  dispose: async () => {},
});

// What a probe head is: its parameter declarations for a feature shape, and its forward pass
// from a channels-last batch ([B, C] or [B, H, W, C]) to class logits [B, K].
import type * as tf from '@tensorflow/tfjs';
import type { ParamDecl, ParamSet } from '../params.ts';
import type { ForwardContext } from './ops.ts';

export type PaperHeadKind = 'mlp' | 'cnn' | 'crnn' | 'attention';
/** The paper's four heads, and the lab's `bands` head (keeps the frequency axis; see bands.ts). */
export type HeadKind = PaperHeadKind | 'bands';

export const HEAD_KINDS: readonly HeadKind[] = ['mlp', 'cnn', 'crnn', 'attention', 'bands'];
/** The heads of the paper's stage 3, the sweep's default. */
export const PAPER_HEAD_KINDS: readonly PaperHeadKind[] = ['mlp', 'cnn', 'crnn', 'attention'];

export interface HeadDefinition {
  kind: HeadKind;
  /** One line for the UI: what the head is. */
  summary: string;
  /** True when the head needs unpooled maps ([C, T] or [C, H, W]). */
  readsMaps: boolean;
  /** Parameters for features of per-example `shape` and `classes` outputs. */
  declare(shape: readonly number[], classes: number): ParamDecl[];
  forward(p: ParamSet, x: tf.Tensor, ctx: ForwardContext): tf.Tensor2D;
}

// The four probe heads by kind, and their parameter counts for a feature shape.
import { LabError } from '../../common/errors.ts';
import { countParams } from '../params.ts';
import { checkShape } from '../features.ts';
import { attentionHead } from './attention.ts';
import { bandsHead } from './bands.ts';
import { cnnHead } from './cnn.ts';
import { crnnHead } from './crnn.ts';
import { mlpHead } from './mlp.ts';
import { HEAD_KINDS, PAPER_HEAD_KINDS, type HeadDefinition, type HeadKind, type PaperHeadKind } from './types.ts';

const HEADS: Record<HeadKind, HeadDefinition> = { mlp: mlpHead, cnn: cnnHead, crnn: crnnHead, attention: attentionHead, bands: bandsHead };

/** The paper's approximate budgets for 1024-channel bottleneck features. */
export const PAPER_BUDGETS: Record<PaperHeadKind, number> = { mlp: 130_000, cnn: 160_000, crnn: 200_000, attention: 330_000 };

export function headDefinition(kind: string): HeadDefinition {
  if (!(HEAD_KINDS as readonly string[]).includes(kind)) {
    throw new LabError(`unknown probe head "${kind}" (choose ${HEAD_KINDS.join(', ')})`);
  }
  return HEADS[kind as HeadKind];
}

/** Checks that a head can read features of this per-example shape. */
export function checkHeadInput(kind: HeadKind, shape: readonly number[]): void {
  checkShape(shape);
  if (headDefinition(kind).readsMaps && shape.length === 1) {
    throw new LabError(`probe head ${kind} reads unpooled maps ([C, T] or [C, H, W]); got pooled features [${shape}]`);
  }
}

/** Trainable parameters of a head for features of per-example `shape` (e.g. [1024, 16, 13]). */
export function headParamCount(kind: HeadKind, shape: readonly number[], classes = 11): number {
  checkHeadInput(kind, shape);
  return countParams(headDefinition(kind).declare(shape, classes));
}

export { HEAD_KINDS, PAPER_HEAD_KINDS, type HeadDefinition, type HeadKind, type PaperHeadKind };

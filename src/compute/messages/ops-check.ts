// `opsCheck` request: run a small set of ops on the active backend and on CPU, report max errors.
import type { BackendName } from '../types.ts';

export type OpsCheckParams = Record<string, never>;

export interface OpCheckRow {
  op: string;
  shape: number[];
  /** Largest |backend - cpu| over the output. */
  maxAbsError: number;
}

export interface OpsCheckResult {
  backend: BackendName;
  reference: 'cpu';
  rows: OpCheckRow[];
  /** Largest maxAbsError over all rows. */
  maxAbsError: number;
  ms: number;
}

// Stopping a training run when its validation v-loss stops improving. "Stops improving" means:
// `patience` validations in a row, none of which beats the best so far by at least `minRelDelta`
// (relative: vLoss < best * (1 - minRelDelta)). The step cap (--steps) still applies. The state
// travels in the checkpoint so a resumed run stops where an uninterrupted one would; the best
// weights are kept by the RunStore (best.safetensors beside the checkpoint).
import { LabError } from '../common/errors.ts';

export interface EarlyStopOptions {
  /** Validations in a row without improvement before stopping. */
  patience: number;
  /** Relative improvement that counts (0.005 = 0.5 %). */
  minRelDelta: number;
}

export interface EarlyStopState {
  bestVLoss: number;
  bestStep: number;
  /** Validations since the best one. */
  sinceBest: number;
}

export type Verdict = 'improved' | 'not-improved' | 'stop';

export function checkEarlyStop(o: EarlyStopOptions): EarlyStopOptions {
  if (!Number.isInteger(o.patience) || o.patience < 1) throw new LabError(`--patience must be a positive integer, got ${o.patience}`);
  if (!(o.minRelDelta >= 0 && o.minRelDelta < 1)) throw new LabError(`--min-delta must be in [0, 1), got ${o.minRelDelta}`);
  return o;
}

export class EarlyStop {
  state: EarlyStopState;

  constructor(readonly o: EarlyStopOptions, restored?: EarlyStopState) {
    this.state = restored ? { ...restored } : { bestVLoss: Infinity, bestStep: -1, sinceBest: 0 };
  }

  /** Records a validation; 'stop' once `patience` validations in a row did not improve. */
  observe(vLoss: number, step: number): Verdict {
    const s = this.state;
    if (vLoss < s.bestVLoss * (1 - this.o.minRelDelta) || s.bestStep < 0) {
      this.state = { bestVLoss: vLoss, bestStep: step, sinceBest: 0 };
      return 'improved';
    }
    s.sinceBest++;
    return s.sinceBest >= this.o.patience ? 'stop' : 'not-improved';
  }

  get stopped(): boolean {
    return this.state.sinceBest >= this.o.patience;
  }
}

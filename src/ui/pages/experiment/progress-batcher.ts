// Worker progress can arrive hundreds of times a second (a small probe trains many epochs a
// second); rendering each message would freeze the page. The batcher keeps the epochs and the
// latest progress and hands them over at most every `ms` milliseconds, and at once on flush().
import type { Progress } from '../../../common/progress.ts';
import { asLabProgress } from '../../../compute/messages/lab-common.ts';
import type { EpochReport } from '../../../probes/fit.ts';

export interface ProgressBatcher {
  push(p: Progress): void;
  /** Hands over what is pending now (call when the job ends). */
  flush(): void;
}

export function progressBatcher(apply: (epochs: EpochReport[], latest: Progress) => void, ms = 200): ProgressBatcher {
  let epochs: EpochReport[] = [];
  let latest: Progress | null = null;
  let timer: ReturnType<typeof setTimeout> | null = null;
  const hand = () => {
    timer = null;
    if (!latest) return;
    const batch = epochs;
    const p = latest;
    epochs = [];
    latest = null;
    apply(batch, p);
  };
  return {
    push(p) {
      const epoch = asLabProgress(p).epoch;
      if (epoch) epochs.push(epoch);
      latest = p;
      timer ??= setTimeout(hand, ms);
    },
    flush() {
      if (timer) clearTimeout(timer);
      hand();
    },
  };
}

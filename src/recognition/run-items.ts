// One loop for every many-clip job (recognize a folder, score, calibrate): read each item,
// recognize it, hand the result on; an item whose audio cannot be read or is unusable (a
// LabError while reading: missing, undecodable, too short) is skipped with its reason and the
// run goes on. Errors of the recognizer itself, bugs and cancellation stop the run. Progress:
// one step per item, named.
import { CancelledError, isLabError } from '../common/errors.ts';
import { throwIfCancelled, type JobOptions } from '../common/progress.ts';
import type { RecognitionResult } from '../features/recognition-types.ts';
import { readItem, type SkippedItem } from './items.ts';
import type { Recognizer } from './recognizer.ts';

export interface RunItemsOptions extends JobOptions {
  /** Called with each skipped item as it happens (e.g. to print it at once). */
  onSkip?: (s: SkippedItem) => void;
  /** The progress stage's name (default "recognizing"). */
  stage?: string;
}

export async function recognizeEach<T extends { name: string; samples16k: Float32Array | (() => Promise<Float32Array>) }>(
  items: readonly T[], recognizer: Recognizer, onResult: (item: T, result: RecognitionResult) => void | Promise<void>, opts: RunItemsOptions = {},
): Promise<{ done: number; skipped: SkippedItem[] }> {
  const skipped: SkippedItem[] = [];
  const stage = opts.stage ?? 'recognizing';
  let done = 0;
  for (const [i, item] of items.entries()) {
    throwIfCancelled(opts.signal, stage);
    opts.onProgress?.({ stage, done: i, total: items.length, detail: item.name });
    let samples: Float32Array;
    try {
      samples = await readItem(item);
    } catch (e) {
      if (e instanceof CancelledError || !isLabError(e)) throw e;
      const s = { name: item.name, why: e.message };
      skipped.push(s);
      opts.onSkip?.(s);
      continue;
    }
    // A failure here is the model's (e.g. a probe on another U-Net), not the file's: it stops the run.
    const result: RecognitionResult = await recognizer.recognize(samples, { signal: opts.signal });
    await onResult(item, result);
    done++;
  }
  opts.onProgress?.({ stage, done: items.length, total: items.length });
  return { done, skipped };
}

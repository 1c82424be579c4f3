// Labelled audio items, as the scoring and calibration pipelines take them: a name, the class
// codes it is labelled with (possibly none: "no instrument of these classes"), and its 16 kHz
// samples or a function reading them (so a long folder is read one file at a time, and an
// unreadable file is skipped and reported instead of stopping the run).
import { LabError } from '../common/errors.ts';

export interface LabelledItem {
  name: string;
  labels: readonly string[];
  /** Where its labelled parts come from (a corpus folder's manifest); for per-source scores. */
  sources?: readonly string[];
  samples16k: Float32Array | (() => Promise<Float32Array>);
}

export interface SkippedItem {
  name: string;
  why: string;
}

/** Fails with one line naming the first files whose labels are not classes of the model. */
export function checkItemLabels(items: readonly LabelledItem[], classes: readonly string[]): void {
  const known = new Set(classes);
  const bad = items.flatMap((it) => it.labels.filter((l) => !known.has(l)).map((l) => `${it.name}: "${l}"`));
  if (bad.length) {
    throw new LabError(
      `${bad.length} label${bad.length === 1 ? ' is' : 's are'} not a class of the model (${classes.join(' ')}): ` +
        `${bad.slice(0, 5).join('; ')}${bad.length > 5 ? `; and ${bad.length - 5} more` : ''}`,
    );
  }
  const seen = new Set<string>();
  for (const it of items) {
    if (seen.has(it.name)) throw new LabError(`two items are named ${it.name}`);
    seen.add(it.name);
  }
}

/** The item's samples; errors say which item. */
export async function readItem(item: Pick<LabelledItem, 'samples16k'>): Promise<Float32Array> {
  return typeof item.samples16k === 'function' ? item.samples16k() : item.samples16k;
}

// Fitting a recognizer's calibration on labelled validation items: every item recognized (its
// raw clip probabilities), then src/calibration's fitCalibration on those probabilities and
// these items' labels, tagged as validation labels. It sees nothing but the items it is given:
// the caller picks the validation set (the CLI: --on, a corpus's validation split only).
import { check } from '../common/errors.ts';
import { fitCalibration, type FitCalibrationOptions } from '../calibration/fit.ts';
import type { Calibration } from '../calibration/types.ts';
import { labelSet, scoreMatrix } from '../evaluation/labels.ts';
import { checkItemLabels, type LabelledItem, type SkippedItem } from './items.ts';
import type { Recognizer } from './recognizer.ts';
import { recognizeEach, type RunItemsOptions } from './run-items.ts';

export interface ValidationSetInfo {
  /** A name for the set (folder name or corpus id), never an absolute path. */
  name: string;
  /** Content id of the set (see LabelledFolder.contentId); may depend on the items read, so it is a function. */
  contentId: () => Promise<string>;
  split: string;
}

export async function calibrateOnItems(
  items: readonly LabelledItem[], recognizer: Recognizer, set: ValidationSetInfo, opts: RunItemsOptions & FitCalibrationOptions = {},
): Promise<{ calibration: Calibration; skipped: SkippedItem[] }> {
  check(items.length > 0, 'calibrate: no labelled files in the validation set');
  const classes = [...recognizer.classes];
  checkItemLabels(items, classes);
  const probs: number[][] = [];
  const labels: (readonly string[])[] = [];
  const { skipped } = await recognizeEach(items, recognizer, (item, r) => {
    const byCode = new Map(r.instruments.map((i) => [i.code, i.probability]));
    probs.push(classes.map((c) => byCode.get(c)!));
    labels.push(item.labels);
  }, { ...opts, stage: opts.stage ?? 'recognizing the validation set' });
  check(probs.length > 0, () => `calibrate: none of the ${items.length} files could be read (${skipped[0]?.name}: ${skipped[0]?.why})`);
  const calibration = fitCalibration({
    probabilities: scoreMatrix(classes, probs),
    labels: labelSet('validation', classes, labels),
    fittedOn: { name: set.name, contentId: await set.contentId(), split: set.split, skipped: skipped.length },
    model: recognizer.identity,
  }, opts);
  return { calibration, skipped };
}

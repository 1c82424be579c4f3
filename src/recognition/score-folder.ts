// Scoring a recognizer on labelled items (a folder of audio with labels, a corpus split): each
// item recognized as `recognize` would (calibrated when the recognizer has a calibration), and
// the classes it recognizes with confidence (what `recognize` names; uncalibrated: named by the
// model's rule and raw probability >= 0.5, see src/features/confidence.ts) against its labels: class-wise P/R/F1, micro/macro F1 (src/evaluation), the
// multi-label confusion table, how often the answer was "not sure", and the ECE of the raw and
// (when calibrated) calibrated probabilities on these items. Unreadable items are skipped and
// listed. One pipeline for `npx diffpir score` and the app's Compare page. Browser-safe.
import { reliability } from '../calibration/reliability.ts';
import { check } from '../common/errors.ts';
import { multiLabelConfusion, type Confusion } from '../evaluation/confusion.ts';
import { labelSet } from '../evaluation/labels.ts';
import { classWiseMetrics } from '../evaluation/metrics.ts';
import type { MetricsReport, Split } from '../evaluation/types.ts';
import type { RecognitionResult } from '../features/recognition-types.ts';
import { checkItemLabels, type LabelledItem, type SkippedItem } from './items.ts';
import type { Recognizer } from './recognizer.ts';
import { recognizeEach, type RunItemsOptions } from './run-items.ts';

export interface FileOutcome {
  name: string;
  labels: string[];
  /** The sources of its labelled parts, when the folder is a corpus that names them (score-by-source.ts). */
  sources?: string[];
  /** Classes recognized with confidence: what `recognize` names, and the decisions scored here. */
  recognized: string[];
  /** Classes named by the decision rule in force (instruments[].predicted; uncalibrated, it names the top class even when weak). */
  predicted: string[];
  confidence: RecognitionResult['confidence'];
  top3: RecognitionResult['top3'];
  /** Raw clip probabilities, and calibrated ones when calibrated. */
  probabilities: Record<string, number>;
  calibrated?: Record<string, number>;
}

export interface FolderScore {
  recognizer: string;
  decision: RecognitionResult['decision'];
  classes: string[];
  /** Items scored (readable), in input order. */
  files: FileOutcome[];
  skipped: SkippedItem[];
  report: MetricsReport;
  confusion: Confusion;
  /** Items where no class was recognized with confidence. */
  notSure: number;
  /** Reliability over (file, class) pairs of these items: raw and, when calibrated, calibrated probabilities. */
  ece: { raw: number; calibrated: number | null; pairs: number; bins: number };
}

export interface ScoreFolderOptions extends RunItemsOptions {
  /** The split tag of the label set (only a name here; default 'test'). */
  split?: Split;
}

export async function scoreFolder(items: readonly LabelledItem[], recognizer: Recognizer, opts: ScoreFolderOptions = {}): Promise<FolderScore> {
  check(items.length > 0, 'score: no labelled files to score');
  const classes = [...recognizer.classes];
  checkItemLabels(items, classes);
  const files: FileOutcome[] = [];
  const { skipped } = await recognizeEach(items, recognizer, (item, r) => {
    const probabilities = Object.fromEntries(r.instruments.map((i) => [i.code, i.probability]));
    files.push({
      name: item.name, labels: [...item.labels], ...(item.sources ? { sources: [...item.sources] } : {}),
      recognized: [...r.recognized],
      predicted: r.instruments.filter((i) => i.predicted).map((i) => i.code),
      confidence: r.confidence, top3: r.top3, probabilities,
      ...(r.decision === 'calibrated' ? { calibrated: Object.fromEntries(r.instruments.map((i) => [i.code, i.calibrated!])) } : {}),
    });
  }, { ...opts, stage: opts.stage ?? 'scoring' });
  check(files.length > 0, () => `score: none of the ${items.length} files could be read (${skipped[0]?.name}: ${skipped[0]?.why})`);
  const split = opts.split ?? 'test';
  const labels = labelSet(split, classes, files.map((f) => f.labels));
  const predictions = { classes, rows: files.map((f) => Uint8Array.from(classes, (c) => (f.recognized.includes(c) ? 1 : 0))) };
  const raw = reliability(files.map((f) => classes.map((c) => f.probabilities[c])), labels.rows);
  const cal = recognizer.calibration ? reliability(files.map((f) => classes.map((c) => f.calibrated![c])), labels.rows) : null;
  return {
    recognizer: recognizer.name,
    decision: recognizer.calibration ? 'calibrated' : 'model-rule',
    classes,
    files,
    skipped,
    report: classWiseMetrics(predictions, labels),
    confusion: multiLabelConfusion(predictions, labels),
    notSure: files.filter((f) => f.confidence === 'not-sure').length,
    ece: { raw: raw.ece, calibrated: cal?.ece ?? null, pairs: raw.pairs, bins: raw.bins.length },
  };
}

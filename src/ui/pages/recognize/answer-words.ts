// The words that say which model gave an answer: the diffusion probe by its name and the U-Net it
// reads, the Han CNN by its folder, and what the Han CNN's model.json says about its training.
import type { HanSummary } from '../../../baseline/summary.ts';

/** "probe-default (shipped) reading U-Net student-v1" */
export function probeLabel(probeName: string, unet: string): string {
  return `${probeName} reading U-Net ${unet}`;
}

/** "Han CNN han-cnn-recorded" */
export function hanLabel(folder: string): string {
  return `Han CNN ${folder}`;
}

const f3 = (x: number | null) => (x === null ? '?' : x.toFixed(3));

/** What the Han CNN was trained on and how it scored, in one sentence. */
export function hanFactsLine(s: HanSummary): string {
  const data = s.corpusId ? `trained on ${s.corpusId}${s.trainClips !== null ? ` (${s.trainClips} training clips)` : ''}` : 'training data not recorded';
  const epochs = s.epochs > 0 ? `, ${s.epochs} epochs` : '';
  const scores = s.validationMicroF1 !== null
    ? `validation micro F1 ${f3(s.validationMicroF1)}${s.testMicroF1 !== null ? ` (test ${f3(s.testMicroF1)})` : ''}`
    : 'validation score not recorded';
  return `${data}${epochs}; ${scores}`;
}

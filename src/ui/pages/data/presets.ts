// The built-in corpus presets as the Data page describes them (sizes only; the plan itself lives
// in the worker with the renderer, so the page does not load the synthesiser). Tested against
// corpus/plan.ts PRESETS.
export interface PresetInfo {
  name: 'tiny' | 'small' | 'full';
  trainPerClass: number;
  validationPerClass: number;
  testClips: number;
  /** OpenPIR-like multi-label training clips (5-10 s). */
  multiTrain: number;
  /** Approximate audio length, seconds (3 s train/validation clips, 7.5 s test and multi-label clips on average). */
  audioSeconds: number;
}

const info = (name: PresetInfo['name'], trainPerClass: number, validationPerClass: number, testClips: number, multiTrain: number): PresetInfo => ({
  name, trainPerClass, validationPerClass, testClips, multiTrain, audioSeconds: 11 * (trainPerClass + validationPerClass) * 3 + (testClips + multiTrain) * 7.5,
});

export const PRESET_INFO: PresetInfo[] = [info('tiny', 3, 1, 8, 6), info('small', 60, 15, 150, 120), info('full', 400, 100, 600, 1200)];

export const presetClips = (p: PresetInfo) => 11 * (p.trainPerClass + p.validationPerClass) + p.testClips + p.multiTrain;

export function describePreset(p: PresetInfo): string {
  const minutes = p.audioSeconds / 60;
  return `${presetClips(p)} clips: ${p.trainPerClass}/${p.validationPerClass} per class for train/validation (3 s, one label), ${p.multiTrain} multi-label training clips and ${p.testClips} test clips (5-10 s, 1-3 labels), about ${minutes < 10 ? minutes.toFixed(1) : Math.round(minutes)} min of audio`;
}

/** Seconds left, from the clips done so far and the time they took (null until two are done). */
export function secondsLeft(done: number, total: number, elapsedSec: number): number | null {
  if (done < 2 || total <= done) return done >= total && total > 0 ? 0 : null;
  return (elapsedSec / done) * (total - done);
}

/** Clips a render of `p` makes with at most `limit` clips per class and split (and `limit` test clips). */
export function limitedClips(p: PresetInfo, limit: number | null): number {
  if (limit === null) return presetClips(p);
  return 11 * (Math.min(limit, p.trainPerClass) + Math.min(limit, p.validationPerClass)) + Math.min(limit, p.testClips);
}

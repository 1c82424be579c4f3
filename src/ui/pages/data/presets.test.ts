import { describe, expect, it } from 'vitest';
import { planCorpus, PRESETS } from '../../../corpus/plan.ts';
import { limitedClips, PRESET_INFO, presetClips, secondsLeft } from './presets.ts';

describe('Data page presets', () => {
  it('match the corpus plan', () => {
    for (const p of PRESET_INFO) {
      const real = PRESETS[p.name];
      expect([p.trainPerClass, p.validationPerClass, p.testClips, p.multiTrain]).toEqual([real.trainPerClass, real.validationPerClass, real.testClips, real.multiTrain]);
    }
    expect(presetClips(PRESET_INFO[0])).toBe(planCorpus(PRESETS.tiny, 1).length);
    expect(limitedClips(PRESET_INFO[0], 1)).toBe(23);
    expect(limitedClips(PRESET_INFO[0], null)).toBe(58);
  });

  it('estimates the time left', () => {
    expect(secondsLeft(1, 10, 5)).toBeNull();
    expect(secondsLeft(2, 10, 4)).toBe(16);
    expect(secondsLeft(10, 10, 20)).toBe(0);
  });
});

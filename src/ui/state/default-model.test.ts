// The model pages start with: Model A when shipped, else student-v1, else the first shipped U-Net, else random-init.
import { describe, expect, it } from 'vitest';
import { defaultModel, preferredModel } from './models.ts';

describe('preferredModel / defaultModel', () => {
  it('prefers model-a, then student-v1, then the first shipped, then random-init', () => {
    expect(preferredModel(['model-0', 'model-a', 'model-b-wip', 'student-v1'])).toBe('model-a');
    expect(preferredModel(['model-0', 'student-v1'])).toBe('student-v1');
    expect(preferredModel(['mine', 'other'])).toBe('mine');
    expect(preferredModel([])).toBeUndefined();
    expect(defaultModel([{ name: 'model-0' }, { name: 'model-a' }])).toBe('model-a');
    expect(defaultModel([])).toBe('random-init');
  });
});

import { describe, expect, it } from 'vitest';
import { confidenceWords } from './confidence.ts';

describe('confidence words', () => {
  it('never calls a low probability an answer', () => {
    expect(confidenceWords(0.19)).toMatch(/^low/);
    expect(confidenceWords(0.45)).toMatch(/unsure/);
    expect(confidenceWords(0.7)).toMatch(/not certain/);
    expect(confidenceWords(0.93)).toBe('confident');
    expect(confidenceWords(0.1, 'the Han CNN')).toBe('low: the Han CNN is guessing');
  });
});

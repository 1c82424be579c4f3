// The training commands' thread count: 2 by default on a machine with 2+ cores, a given count
// checked, and a line saying which.
import { availableParallelism } from 'node:os';
import { describe, expect, it } from 'vitest';
import { trainThreads } from './cliSupport.ts';

describe('trainThreads', () => {
  it('defaults to 2 on 2+ cores (else 1) and says so', () => {
    const d = trainThreads(undefined, 'train-diffusion');
    expect(d.threads).toBe(availableParallelism() >= 2 ? 2 : 1);
    expect(d.line).toMatch(/^threads: \d \(default: \d+ cores? available/);
  });

  it('takes a given count and refuses a bad one', () => {
    expect(trainThreads(1, 'train-diffusion')).toEqual({ threads: 1, line: 'threads: 1' });
    expect(trainThreads(64, "x").threads).toBe(64);
    expect(() => trainThreads(0, 'train-diffusion')).toThrow(/train-diffusion: --threads must be an integer from 1 to 64, got 0/);
    expect(() => trainThreads(1.5, 'train-regimes')).toThrow(/--threads/);
  });
});

import { describe, expect, it } from 'vitest';
import { HEAD_KINDS, PAPER_BUDGETS, PAPER_HEAD_KINDS, headParamCount } from './index.ts';

describe('probe head parameter counts', () => {
  it('land within 15% of the paper budgets for 1024 × 16 × 13 bottleneck features', () => {
    const counts = Object.fromEntries(HEAD_KINDS.map((k) => [k, headParamCount(k, [1024, 16, 13])]));
    expect(counts).toEqual({ mlp: 132_619, cnn: 165_515, crnn: 186_219, attention: 334_987, bands: 50_715 });
    for (const k of PAPER_HEAD_KINDS) {
      expect(Math.abs(counts[k] / PAPER_BUDGETS[k] - 1)).toBeLessThan(0.15);
    }
  });

  it('scale with the features at hand and accept pooled, 1D and 2D shapes as fits the head', () => {
    expect(headParamCount('mlp', [128])).toBe(128 * 128 + 128 + 128 * 11 + 11);
    expect(headParamCount('mlp', [128, 16, 13])).toBe(headParamCount('mlp', [128]));
    expect(headParamCount('cnn', [128, 16, 13])).toBe(128 * 128 + 128 + 256 * 128 + 128 + 128 * 11 + 11);
    expect(headParamCount('crnn', [512, 104])).toBe(512 * 96 + 96 + 3 * (96 * 128 + 128 * 128 + 128) + 128 * 11 + 11);
    expect(headParamCount('attention', [64, 16, 13], 3)).toBe(64 * 128 + 128 + 3 * (128 * 512 + 512) + 512 * 3 + 3);
    expect(headParamCount('bands', [128, 16, 19])).toBe(128 * 16 + 16 + 16 * 16 * 128 + 128 + 128 * 11 + 11);
    expect(headParamCount('bands', [512, 104])).toBe(512 * 16 + 16 + 16 * 128 + 128 + 128 * 11 + 11);
    expect(() => headParamCount('cnn', [1024])).toThrow(/reads unpooled maps/);
    expect(() => headParamCount('bands', [1024])).toThrow(/reads unpooled maps/);
    expect(() => headParamCount('rnn' as never, [1024])).toThrow(/unknown probe head "rnn"/);
  });
});

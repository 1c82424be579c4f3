// Random init: deterministic per seed, every expected key in TF.js layout, PyTorch-default ranges.
import { describe, expect, it } from 'vitest';
import { randomInitWeights } from './randomInit.ts';
import { expectedWeightSpecs, tfjsShape } from './shapes.ts';
import { STUDENT_CONFIG } from './presets.ts';

describe('randomInitWeights', () => {
  const a = randomInitWeights(STUDENT_CONFIG, 42);

  it('covers every key with its TF.js shape and is deterministic per seed', () => {
    const specs = expectedWeightSpecs(STUDENT_CONFIG);
    expect([...a.keys()]).toEqual([...specs.keys()]);
    for (const [k, s] of specs) expect(a.get(k)!.shape, k).toEqual(tfjsShape(s.torchShape, s.kind));
    const again = randomInitWeights(STUDENT_CONFIG, 42);
    const other = randomInitWeights(STUDENT_CONFIG, 43);
    const key = 'blocks.2.blocks.1.net.block.blocks.1.block.blocks.0.blocks.0.2.weight';
    expect(again.get(key)!.data).toEqual(a.get(key)!.data);
    expect(other.get(key)!.data).not.toEqual(a.get(key)!.data);
  });

  it('uses kaiming-uniform bounds 1/sqrt(fan_in), unit/zero norms and N(0,1) embeddings', () => {
    const conv = a.get('blocks.2.blocks.1.net.block.blocks.1.block.blocks.0.blocks.0.2.weight')!; // 16->16, 3x3
    const bound = 1 / Math.sqrt(16 * 9);
    const maxAbs = conv.data.reduce((m, v) => Math.max(m, Math.abs(v)), 0);
    expect(maxAbs).toBeLessThanOrEqual(bound);
    expect(maxAbs).toBeGreaterThan(0.95 * bound);
    const gn = a.get('blocks.2.blocks.1.net.block.blocks.1.block.blocks.0.blocks.0.0.weight')!;
    expect(Array.from(gn.data).every((v) => v === 1)).toBe(true);
    const table = a.get('blocks.2.blocks.0.blocks.0.weight')!.data;
    const mean = table.reduce((s, v) => s + v, 0) / table.length;
    const std = Math.sqrt(table.reduce((s, v) => s + (v - mean) ** 2, 0) / table.length);
    expect(Math.abs(mean)).toBeLessThan(0.02);
    expect(Math.abs(std - 1)).toBeLessThan(0.02);
  });
});

// The key grammar and shapes against the fixture checkpoints' headers and parameter counts.
import { describe, expect, it } from 'vitest';
import { readFileSync, existsSync } from 'node:fs';
import path from 'node:path';
import { parseUNetConfig } from './config.ts';
import { expectedWeightShapes, parameterCount, tfjsShape } from './shapes.ts';
import { PAPER_CONFIG, STUDENT_CONFIG } from './presets.ts';

import { SHARED_FIXTURES as FIXTURES } from '../common/testing/shared-fixtures.ts';

function headerShapes(file: string): Map<string, number[]> {
  const buf = readFileSync(file);
  const n = Number(buf.readBigUInt64LE(0));
  const header = JSON.parse(buf.subarray(8, 8 + n).toString('utf8')) as Record<string, { shape: number[] }>;
  const out = new Map<string, number[]>();
  for (const [k, v] of Object.entries(header)) {
    if (k.startsWith('net.') && !k.startsWith('net.blocks.1.blocks.1.0.')) out.set(k.slice(4), v.shape);
  }
  return out;
}

describe('expectedWeightShapes', () => {
  for (const name of ['unet-2d', 'unet-1d']) {
    const dir = path.join(FIXTURES, name);
    it.runIf(existsSync(dir))(`matches every key and shape of the ${name} checkpoint`, () => {
      const json = JSON.parse(readFileSync(path.join(dir, 'config.json'), 'utf8')) as { params: number };
      const cfg = parseUNetConfig(json);
      const expected = expectedWeightShapes(cfg);
      const actual = headerShapes(path.join(dir, 'weights.safetensors'));
      expect([...expected.keys()].sort()).toEqual([...actual.keys()].sort());
      for (const [k, s] of expected) expect(s, k).toEqual(actual.get(k));
      expect(parameterCount(cfg)).toBe(json.params);
    });
  }

  it('gives the paper-size parameter count (about 129.6M)', () => {
    expect(Math.round(parameterCount(PAPER_CONFIG) / 1e5) / 10).toBe(129.6);
    expect(parameterCount(STUDENT_CONFIG)).toBeLessThan(3e6);
  });

  it('maps torch shapes to TF.js layout', () => {
    expect(tfjsShape([8, 4, 3, 3], 'conv')).toEqual([3, 3, 4, 8]);
    expect(tfjsShape([8, 4, 3], 'conv')).toEqual([3, 4, 8]);
    expect(tfjsShape([16, 64], 'linear')).toEqual([64, 16]);
    expect(tfjsShape([64, 768], 'plain')).toEqual([64, 768]);
  });
});

// Tap names, shapes and module paths against the fixtures' lists; the paper's probe sites.
import { expect, it, describe } from 'vitest';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parseUNetConfig } from './config.ts';
import { listTaps, paperProbeSites, tapNames } from './taps.ts';
import { FIXTURES } from './testing/fixtures.ts';
import { PAPER_CONFIG } from './presets.ts';

describe('listTaps', () => {
  for (const name of ['unet-2d', 'unet-1d']) {
    it(`lists exactly the ${name} fixture's taps (name, shape, module)`, () => {
      const json = JSON.parse(readFileSync(path.join(FIXTURES, name, 'config.json'), 'utf8')) as {
        taps: { name: string; shape: number[]; module: string }[];
      };
      const cfg = parseUNetConfig(json);
      const input = json.taps.find((t) => t.name === 'level0')!.shape;
      const byName = (a: { name: string }, b: { name: string }) => a.name.localeCompare(b.name);
      expect([...listTaps(cfg, input)].sort(byName)).toEqual([...json.taps].sort(byName));
    });
  }

  it('orders taps as the forward runs: encoder, then decoder from the bottleneck out', () => {
    const names = tapNames(PAPER_CONFIG);
    expect(names.slice(0, 3)).toEqual(['d0.down', 'd0.0.resnet', 'd0.1.modulation']);
    expect(names.indexOf('d3.7.cross_attention')).toBeLessThan(names.indexOf('u3.0.resnet'));
    expect(names.indexOf('level3')).toBeLessThan(names.indexOf('u2.0.resnet'));
    expect(names[names.length - 1]).toBe('level0');
  });

  it('rejects inputs the factors do not divide', () => {
    expect(() => listTaps(PAPER_CONFIG, [1, 1, 128, 100])).toThrow(/multiple of 8/);
    expect(() => listTaps(PAPER_CONFIG, [1, 2, 128, 104])).toThrow(/expected shape/);
  });
});

describe('paperProbeSites', () => {
  it('maps the paper-size config to its final down block, four bottleneck resnets and first up block', () => {
    expect(paperProbeSites(PAPER_CONFIG)).toEqual({
      finalDown: 'd2.2.cross_attention',
      bottleneck: ['d3.0.resnet', 'd3.4.resnet', 'u3.0.resnet', 'u3.4.resnet'],
      firstUp: 'u3.up',
    });
  });
});

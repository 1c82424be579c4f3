// MAC counts: the paper-size figure (about 56 GMAC per 2 s clip) and a hand count on a tiny config.
import { describe, expect, it } from 'vitest';
import { forwardMacs, siteMacs } from './macs.ts';
import { PAPER_CONFIG } from './presets.ts';
import { paperProbeSites } from './taps.ts';

describe('forwardMacs', () => {
  it('gives about 56 GMAC for a paper-size 2 s clip, and less for the bottleneck', () => {
    const full = forwardMacs(PAPER_CONFIG, [1, 1, 128, 104]);
    expect(full / 1e9).toBeGreaterThan(54);
    expect(full / 1e9).toBeLessThan(58);
    const early = forwardMacs(PAPER_CONFIG, [1, 1, 128, 104], paperProbeSites(PAPER_CONFIG).firstUp);
    expect(early).toBeLessThan(0.7 * full);
    expect(forwardMacs(PAPER_CONFIG, [8, 1, 128, 104])).toBe(8 * full);
  });

  it('counts a resnet as two 3x3 convs and the down conv as kernel = factor', () => {
    const cfg = { ...PAPER_CONFIG, channels: [4, 8], factors: [1, 2], items: [1, 1], attentions: [0, 0], cross_attentions: [0, 0] };
    const sites = new Map(siteMacs(cfg, [2, 1, 8, 8]).map((s) => [s.name, s.macs]));
    expect(sites.get('d0.0.resnet')).toBe(2 * 2 * 64 * 4 * 4 * 9);
    expect(sites.get('d1.down')).toBe(2 * 16 * 4 * 8 * 4);
    expect(sites.get('u1.up')).toBe(2 * 64 * 8 * 4 * 9);
  });
});

import { describe, expect, it } from 'vitest';
import { parseUNetConfig } from '../unet/config.ts';
import { PAPER_CONFIG } from '../unet/presets.ts';
import { expectedWeightShapes, expectedWeightSpecs, tfjsShape as unetTfjsShape } from '../unet/shapes.ts';
import { bytesSource } from './bytesource.ts';
import { checkWeightsAgainstConfig, compareShapesWithConfig, impliedConfig } from './check.ts';
import { tfjsShape, torchShape } from './layout.ts';
import { readSafetensors } from './read.ts';
import { fixtureBytes, fixtureConfigJson } from './test-fixtures.ts';

const cfg2d = parseUNetConfig(fixtureConfigJson('unet-2d'));

describe('checking weights against a config', () => {
  it('both fixtures match their own configs', async () => {
    for (const name of ['unet-2d', 'unet-1d'] as const) {
      const { tensors } = await readSafetensors(bytesSource(fixtureBytes(name, 'weights.safetensors')));
      expect(() => checkWeightsAgainstConfig(tensors, parseUNetConfig(fixtureConfigJson(name)))).not.toThrow();
    }
  });

  it('a mismatch names the key, the expected and the actual shape, and what the weights imply', async () => {
    const { tensors } = await readSafetensors(bytesSource(fixtureBytes('unet-2d', 'weights.safetensors')));
    const wrong = { ...cfg2d, channels: [8, 16, 32, 32] };
    let message = '';
    try {
      checkWeightsAgainstConfig(tensors, wrong, 'ck.safetensors');
    } catch (e) {
      message = (e as Error).message;
    }
    expect(message).toMatch(/^ck.safetensors: weights do not match the config: \d+ tensors have the wrong shape \(PyTorch layout\): /);
    expect(message).toContain('blocks.2.blocks.1.net.block.blocks.3.block.blocks.3.block.blocks.4.block.blocks.0.block.weight: expected [32, 32, 2, 2], got [64, 32, 2, 2]');
    expect(message).toContain('The weights imply channels [8,16,32,64] (config: [8,16,32,32])');
  });

  it('lists missing and unexpected keys, and heads x features', async () => {
    const { tensors } = await readSafetensors(bytesSource(fixtureBytes('unet-2d', 'weights.safetensors')));
    tensors.delete('blocks.0.weights');
    tensors.set('blocks.9.extra', { shape: [1], data: new Float32Array(1) });
    const torch = new Map([...tensors].map(([k, t]) => [k, torchShape(k, t.shape)]));
    const c = compareShapesWithConfig(torch, { ...cfg2d, attention_features: 4 });
    expect(c.missing).toEqual(['blocks.0.weights']);
    expect(c.unexpected).toEqual(['blocks.9.extra']);
    expect(c.implied).toContain('attention_heads x attention_features = 16 (config: 2 x 4 = 8)');
    expect(() => checkWeightsAgainstConfig(tensors, cfg2d)).toThrow(/1 tensors are missing: blocks.0.weights; 1 tensors are not in the config's network: blocks.9.extra/);
  });

  it('reads dim, in_channels, channels, factors and M from the weights', () => {
    const implied = impliedConfig(expectedWeightShapes(PAPER_CONFIG));
    expect(implied).toMatchObject({ dim: 2, in_channels: 1, channels: [128, 256, 512, 1024], factors: [1, 2, 2, 2], modulation_features: 1024, attention_heads: 512 });
  });

  it("layout.ts agrees with the network's own layout kinds for every weight of the paper config", () => {
    for (const [key, spec] of expectedWeightSpecs(PAPER_CONFIG)) expect(tfjsShape(key, spec.torchShape), key).toEqual(unetTfjsShape(spec.torchShape, spec.kind));
  });
});

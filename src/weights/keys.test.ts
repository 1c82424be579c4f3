import { describe, expect, it } from 'vitest';
import { selectCanonicalKeys, type StoredTensorInfo } from './keys.ts';

const net = ['blocks.0.weights', 'blocks.1.blocks.0.0.weight', 'blocks.1.blocks.1.0.weight', 'blocks.2.x.weight'];
const entries = (prefixes: string[], keys = net, extra: string[] = []): StoredTensorInfo[] => [
  ...prefixes.flatMap((p) => keys.map((k) => ({ name: p + k, dtype: 'F32', shape: [2] }))),
  ...extra.map((name) => ({ name, dtype: 'F32', shape: [1] })),
];

describe('key grammar', () => {
  it('reads one copy of a DiffusionModel checkpoint, preferring net., and drops the time alias', () => {
    const s = selectCanonicalKeys(entries(['sampler.net.', 'net.', 'diffusion.net.']));
    expect(s.prefix).toBe('net.');
    expect([...s.tensors.keys()]).toEqual(['blocks.0.weights', 'blocks.1.blocks.0.0.weight', 'blocks.2.x.weight']);
    expect(s.tensors.get('blocks.0.weights')).toBe('net.blocks.0.weights');
    expect(s.aliases).toEqual([{ alias: 'net.blocks.1.blocks.1.0.weight', main: 'net.blocks.1.blocks.0.0.weight' }]);
    expect(s.warnings).toEqual([]);
  });

  it('accepts a checkpoint with one prefix only, or a bare state_dict', () => {
    expect(selectCanonicalKeys(entries(['sampler.net.'])).prefix).toBe('sampler.net.');
    expect(selectCanonicalKeys(entries(['diffusion.net.', 'sampler.net.'])).prefix).toBe('diffusion.net.');
    const bare = selectCanonicalKeys(entries(['']));
    expect(bare.prefix).toBe('');
    expect(bare.tensors.get('blocks.2.x.weight')).toBe('blocks.2.x.weight');
  });

  it('finds an unknown wrapper prefix from the root key and warns about extra copies', () => {
    const s = selectCanonicalKeys(entries(['model.', 'ema.model.']), 'ck');
    expect(s.prefix).toBe('model.');
    expect(s.tensors.size).toBe(3);
    expect(s.warnings.join()).toMatch(/copy of the network under "ema.model." \(4 tensors\), not used/);
  });

  it('lists ignored keys and warns when copies differ', () => {
    const e = entries(['net.', 'diffusion.net.'], net, ['step', 'optimizer.lr']);
    e.find((x) => x.name === 'diffusion.net.blocks.2.x.weight')!.shape = [3];
    const s = selectCanonicalKeys(e, 'ck');
    expect(s.ignored).toEqual(['step', 'optimizer.lr']);
    expect(s.warnings.join('\n')).toMatch(/"diffusion.net." differs from the one under "net." in 1 tensors \(blocks.2.x.weight\)/);
    expect(s.warnings.join('\n')).toMatch(/2 tensors are not part of the network and were ignored: step, optimizer.lr/);
  });

  it('uses the alias when the main time Linear is missing', () => {
    const s = selectCanonicalKeys(entries(['net.'], ['blocks.0.weights', 'blocks.1.blocks.1.0.bias']));
    expect(s.tensors.get('blocks.1.blocks.0.0.bias')).toBe('net.blocks.1.blocks.1.0.bias');
    expect(s.warnings.join()).toMatch(/missing; using its alias/);
  });
});

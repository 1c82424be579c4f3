import { describe, expect, it } from 'vitest';
import { bytesSource } from './bytesource.ts';
import { exportSafetensors } from './export.ts';
import { readSafetensors } from './read.ts';
import { readSafetensorsHeader } from './safetensors-header.ts';
import { fixtureBytes } from './test-fixtures.ts';

describe('export to a PyTorch checkpoint', () => {
  it('reproduces the fixture checkpoint: same names, shapes and bytes for every tensor', async () => {
    const original = fixtureBytes('unet-2d', 'weights.safetensors');
    const { tensors } = await readSafetensors(bytesSource(original));
    const exported = exportSafetensors(tensors);
    const a = await readSafetensorsHeader(bytesSource(original));
    const b = await readSafetensorsHeader(bytesSource(exported));
    expect([...b.byName.keys()].sort()).toEqual([...a.byName.keys()].sort());
    for (const e of a.entries) {
      const f = b.byName.get(e.name)!;
      expect(f.shape, e.name).toEqual(e.shape);
      expect(Buffer.compare(original.subarray(e.begin, e.end), exported.subarray(f.begin, f.end)), e.name).toBe(0);
    }
    expect(exported.length - b.dataStart).toBe(original.length - a.dataStart); // headers differ only in formatting
  });

  it('writes a bare UNetV0 state_dict with prefixes [""]', async () => {
    const { tensors } = await readSafetensors(bytesSource(fixtureBytes('unet-1d', 'weights.safetensors')));
    const bare = exportSafetensors(tensors, { prefixes: [''] });
    const back = await readSafetensors(bytesSource(bare));
    expect(back.prefix).toBe('');
    expect(back.warnings).toEqual([]);
    expect([...back.tensors.keys()]).toEqual([...tensors.keys()]);
  });
});

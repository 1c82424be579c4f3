// Rendering a few tiny clips: bank errors, bit-exact determinism per seed (fixed checksums,
// independent of what was rendered before), and part signals that add up to the clip with the
// predominant part the loudest, effects included.
import { describe, expect, it } from 'vitest';
import { encodeWav } from '../audio/wav-encode.ts';
import { loadBank } from './bank.ts';
import { loadBankNode } from './bank-node.ts';
import { checksumBytes } from './checksum.ts';
import { PRESETS, arrangeSpec, planCorpus } from './plan.ts';
import { renderClip, rms } from './render.ts';
import { CORPUS_SAMPLE_RATE } from './types.ts';

const specs = planCorpus(PRESETS['sf-tiny'], 1);
const spec = (id: string) => specs.find((s) => s.id === id)!;

async function render(id: string, opts = {}) {
  const plan = arrangeSpec(spec(id));
  return { plan, clip: renderClip(plan, await loadBankNode(plan.bank), opts) };
}

const wavChecksum = (x: Float32Array) => checksumBytes(encodeWav(x, CORPUS_SAMPLE_RATE));

// Fixed for seed 1 and CORPUS_VERSION 1. They change only when the arrangement recipe, the
// renderer, spessasynth_core, the banks or the audio resampler change what a seed sounds like:
// then bump CORPUS_VERSION and update these values deliberately.
const GOLDEN: Record<string, string> = {
  'train-sax-0002': '94f08e3466cc4c7b',
  'test-0004': '1a3fb165f0966767',
};

describe('sound banks', () => {
  it('names the path of a missing bank file', () => {
    expect(() => loadBankNode('TimGM6mb', '/nonexistent/banks')).toThrow(/sound bank TimGM6mb not found at \/nonexistent\/banks\/TimGM6mb\.sf3\.wasm/);
  });

  it('refuses bytes that are not a SoundFont and names the bank', async () => {
    await expect(loadBank('FluidR3Mono_GM', new Uint8Array(64))).rejects.toThrow(/sound bank FluidR3Mono_GM: not a SoundFont/);
    await expect(loadBank('nope' as never, new Uint8Array(64))).rejects.toThrow(/unknown sound bank "nope"/);
  });
});

describe('renderClip', () => {
  it('renders 16 kHz mono of the planned length, bit-exact for a seed whatever came before', async () => {
    const first = await render('train-sax-0002');
    const other = await render('test-0004');
    const again = await render('train-sax-0002');
    expect(first.clip.samples.length).toBe(3 * CORPUS_SAMPLE_RATE);
    expect(other.clip.samples.length).toBe(spec('test-0004').duration * CORPUS_SAMPLE_RATE);
    expect(wavChecksum(again.clip.samples)).toBe(wavChecksum(first.clip.samples));
    const sums = { 'train-sax-0002': wavChecksum(first.clip.samples), 'test-0004': wavChecksum(other.clip.samples) };
    expect(sums).toEqual(GOLDEN);
    expect(first.clip.peak).toBeLessThanOrEqual(0.97 + 1e-6);
  });

  it('refuses a bank other than the planned one', async () => {
    const plan = arrangeSpec(spec('test-0001'));
    expect(() => renderClip(plan, { name: 'FluidR3Mono_GM' } as never)).toThrow(/planned for bank TimGM6mb/);
  });

  it('has part signals (dry + own effects) that add up to the clip, the lead the loudest', async () => {
    for (const id of ['train-vio-0001', 'test-0002']) {
      const { plan, clip } = await render(id, { keepParts: true });
      const sum = new Float32Array(clip.samples.length);
      for (const p of clip.parts) p.signal!.forEach((v, i) => (sum[i] += v));
      let maxErr = 0;
      sum.forEach((v, i) => (maxErr = Math.max(maxErr, Math.abs(v - clip.samples[i]))));
      expect(maxErr, id).toBeLessThan(1e-4);
      const levels = clip.parts.map((p) => 20 * Math.log10(rms(p.signal!) / rms(clip.parts[0].signal!)));
      const labelled = plan.parts.map((p) => p.labelled);
      for (let i = 1; i < levels.length; i++) {
        if (labelled[i]) expect(Math.abs(levels[i]), `${id} part ${i}`).toBeLessThanOrEqual(3.5);
        else expect(levels[i], `${id} part ${i} (${clip.parts[i].class})`).toBeLessThan(-2);
      }
    }
  });
});

// The codec stage (recipe 3): which clips get it (about a fifth, from the clip seed's own stream,
// every other draw of the plan unchanged), the round trip keeping length and alignment (a sine and
// a noise burst, MP3 at every bitrate drawn and Ogg Vorbis at both ends of its quality range),
// the same bytes per seed when a clip is rendered twice, and the manifest's record.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { wavInfo } from './wav-info.ts';
import { loadBankNode } from './bank-node.ts';
import { checksumBytes } from './checksum.ts';
import { renderCorpus } from './corpus-node.ts';
import { localRenderer } from './corpus-render.ts';
import { loadManifest } from './manifest-node.ts';
import { arrangeSpec, getPreset, planCorpus } from './plan.ts';
import { applyCodec, CODEC_SHARE, encodeClip, MP3_BITRATES, OGG_QUALITY, planCodec, type CodecPlan } from './render-codec.ts';
import { loadSampleBankNode } from './samples/bank-node.ts';

const RATE = 16000;

/** Lag (samples) of y against x in [-maxLag, maxLag] maximising their correlation over the middle of x. */
function bestLag(x: Float32Array, y: Float32Array, maxLag: number): number {
  let best = -Infinity, at = 0;
  for (let lag = -maxLag; lag <= maxLag; lag++) {
    let s = 0;
    for (let i = 8000; i < x.length - 8000; i++) s += x[i] * y[i + lag];
    if (s > best) { best = s; at = lag; }
  }
  return at;
}

function snrDb(x: Float32Array, y: Float32Array): number {
  let e = 0, p = 0;
  for (let i = 2000; i < x.length - 2000; i++) { e += (y[i] - x[i]) ** 2; p += x[i] ** 2; }
  return 10 * Math.log10(p / e);
}

const n = 3 * RATE + 123; // not a whole number of codec frames
const sine = Float32Array.from({ length: n }, (_, i) => 0.3 * Math.sin((2 * Math.PI * 97 * i) / RATE));
let state = 7;
const noise = new Float32Array(n);
for (let i = 0, lp = 0; i < n; i++) {
  state = (Math.imul(state, 1103515245) + 12345) >>> 0;
  lp = 0.8 * lp + 0.2 * (state / 2 ** 31 - 1);
  noise[i] = 0.6 * lp;
}
const plans: CodecPlan[] = [
  ...MP3_BITRATES.map((bitrate) => ({ codec: 'mp3' as const, bitrate })),
  { codec: 'ogg-vorbis', quality: OGG_QUALITY[0] },
  { codec: 'ogg-vorbis', quality: OGG_QUALITY[1] },
];

describe('planCodec', () => {
  it('gives about a fifth of the clips a codec, each codec setting in turn, the same for a seed', () => {
    const drawn = Array.from({ length: 4000 }, (_, i) => planCodec(i * 7919));
    const coded = drawn.filter((c) => c !== undefined);
    expect(coded.length / drawn.length).toBeGreaterThan(CODEC_SHARE - 0.02);
    expect(coded.length / drawn.length).toBeLessThan(CODEC_SHARE + 0.02);
    expect(new Set(coded.filter((c) => c.codec === 'mp3').map((c) => c.bitrate))).toEqual(new Set(MP3_BITRATES));
    for (const c of coded.filter((c) => c.codec === 'ogg-vorbis')) {
      expect(c.quality).toBeGreaterThanOrEqual(OGG_QUALITY[0]);
      expect(c.quality).toBeLessThanOrEqual(OGG_QUALITY[1]);
    }
    expect(planCodec(12345)).toEqual(planCodec(12345));
  });

  it('leaves every other draw of the plan as in recipe 2 (only the recipe number and the codec differ)', () => {
    const r3 = planCorpus(getPreset('small'), 1);
    const r2 = planCorpus(getPreset('r2-small'), 1);
    expect(r3.map((s) => s.id)).toEqual(r2.map((s) => s.id));
    let coded = 0;
    r3.forEach((spec, i) => {
      const { codec, recipe, ...rest } = arrangeSpec(spec);
      const { recipe: old, ...before } = arrangeSpec(r2[i]);
      expect([recipe, old]).toEqual([3, 2]);
      expect(JSON.stringify(rest), spec.id).toBe(JSON.stringify(before));
      if (codec) coded++;
    });
    expect(coded / r3.length).toBeGreaterThan(0.17);
    expect(coded / r3.length).toBeLessThan(0.23);
  });
});

describe('applyCodec', () => {
  it.each(plans)('keeps the length and the alignment: %o', async (plan) => {
    for (const x of [sine, noise]) {
      const { samples, record } = await applyCodec(x, plan, RATE);
      expect(samples.length).toBe(x.length);
      // The sine's period is 165 samples, so a lag search of +-40 tells a few samples of offset apart.
      expect(Math.abs(bestLag(x, samples, x === sine ? 40 : 2000))).toBeLessThanOrEqual(2);
      // Misaligned or garbled audio would be near 0 dB; broadband noise loses its top octave at low rates.
      expect(snrDb(x, samples)).toBeGreaterThan(x === sine ? 15 : 5);
      expect(record.codec).toBe(plan.codec);
      if (plan.codec === 'mp3') expect(record.bitrate).toBe(plan.bitrate);
      else expect(record).toMatchObject({ quality: plan.quality, bitrate: expect.any(Number) });
    }
  });

  it('encodes the same bytes every time (one encoder reused)', async () => {
    for (const plan of plans) {
      const a = await encodeClip(noise, plan, RATE);
      await encodeClip(sine, plan, RATE);
      expect(checksumBytes(await encodeClip(noise, plan, RATE))).toBe(checksumBytes(a));
    }
  });
});

describe('codec clips rendered', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'codec-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const render = localRenderer({ loadBank: (b) => loadBankNode(b), sampleBank: async () => loadSampleBankNode() });

  it.each([1, 2])('render to the same bytes for seed %i, keep their length and record the codec', async (seed) => {
    const specs = planCorpus(getPreset('tiny'), seed);
    const mp3 = specs.find((s) => arrangeSpec(s).codec?.codec === 'mp3' && s.duration === 3)!;
    const ogg = specs.find((s) => arrangeSpec(s).codec?.codec === 'ogg-vorbis' && s.duration === 3)!;
    for (const spec of [mp3, ogg]) {
      const a = await render(spec);
      const b = await render(spec);
      expect(checksumBytes(b.bytes), spec.id).toBe(checksumBytes(a.bytes));
      expect(a.codec).toMatchObject({ codec: arrangeSpec(spec).codec!.codec });
      expect(wavInfo(a.bytes)).toMatchObject({ sampleRate: RATE, channels: 1, duration: spec.duration });
    }
    const r = await renderCorpus('tiny', { out: path.join(dir, `s${seed}`), seed, only: (id) => id === mp3.id || id === ogg.id });
    const m = loadManifest(path.join(dir, `s${seed}`));
    expect(m.version).toBe(3);
    expect(r.rendered).toBe(2);
    expect(m.clips.find((c) => c.id === mp3.id)!.codec).toEqual({ codec: 'mp3', bitrate: arrangeSpec(mp3).codec!.bitrate });
    expect(m.clips.find((c) => c.id === ogg.id)!.codec).toMatchObject({ codec: 'ogg-vorbis', quality: arrangeSpec(ogg).codec!.quality });
  }, 240_000);

  it('leaves a recipe-3 clip without a codec byte for byte as in recipe 2', async () => {
    const r3 = planCorpus(getPreset('tiny'), 1).find((s) => s.split === 'validation' && !arrangeSpec(s).codec)!;
    const r2 = planCorpus(getPreset('r2-tiny'), 1).find((s) => s.id === r3.id)!;
    const [a, b] = [await render(r3), await render(r2)];
    expect(a.codec).toBeUndefined();
    expect(checksumBytes(a.bytes)).toBe(checksumBytes(b.bytes));
  }, 120_000);
});

// SFZ parsing and the sampler on a miniature library made here: header inheritance,
// default_path, #define/#include, note names, key and velocity ranges, round robins, the
// nearest-key fallback, and deterministic rendering.
import { describe, expect, it } from 'vitest';
import type { PartPlan } from '../arrange-types.ts';
import { parseSfz } from './sfz-parse.ts';
import { sfzKey, toRegion } from './sfz-region.ts';
import { pickRegion, renderSampledPart, type SampleData, type SampledInstrument } from './sampler.ts';
import { selectRegions } from './select-regions.ts';
import { noteFileKey, notesFolderRegions } from './notes-folder.ts';

const MINI = `
// a miniature library
#define $LOUD 127
<control> default_path=samples/
<global> ampeg_release=0.1
<group> lovel=1 hivel=63 amp_veltrack=50
<region> sample=soft c4 rr1.wav key=c4 seq_length=2 seq_position=1
<region> sample=soft_c4_rr2.wav key=60 seq_length=2 seq_position=2
<region> sample=soft_e4.wav lokey=d#4 hikey=f#4 pitch_keycenter=e4
<group> lovel=64 hivel=$LOUD
/* loud layer */
#include "loud.sfz"
`;
const LOUD = '<region> sample=loud_c4.wav lokey=58 hikey=61 pitch_keycenter=60 volume=-3 loop_mode=one_shot\n<region> sample=rel.wav key=60 trigger=release';

describe('sfz parsing', () => {
  const regions = parseSfz(MINI, { include: (p) => (p === 'loud.sfz' ? LOUD : '') }).map(toRegion);
  it('merges headers, applies default_path, defines and includes', () => {
    expect(regions.map((r) => r.sample)).toEqual(['samples/soft c4 rr1.wav', 'samples/soft_c4_rr2.wav', 'samples/soft_e4.wav', 'samples/loud_c4.wav', 'samples/rel.wav']);
    expect(regions[0]).toMatchObject({ lokey: 60, hikey: 60, pitchKeycenter: 60, lovel: 1, hivel: 63, seqLength: 2, seqPosition: 1, release: 0.1, ampVeltrack: 50 });
    expect(regions[2]).toMatchObject({ lokey: 63, hikey: 66, pitchKeycenter: 64 });
    expect(regions[3]).toMatchObject({ lovel: 64, hivel: 127, volume: -3, loopMode: 'one_shot', ampVeltrack: 100 });
    expect(regions[4].trigger).toBe('release');
  });
  it('reads note names', () => {
    expect([sfzKey('c4'), sfzKey('C#4'), sfzKey('db4'), sfzKey('a0'), sfzKey('c-1')]).toEqual([60, 61, 61, 21, 0]);
    expect(noteFileKey('piano/As4.mp3')).toBe(70);
    expect(noteFileKey('Db3.wav')).toBe(49);
    expect(noteFileKey('readme.txt')).toBeUndefined();
  });
  it('names the problem in bad input', () => {
    expect(() => parseSfz('<regoin> sample=a.wav')).toThrow(/unknown header <regoin>/);
    expect(() => toRegion({ sample: 'a.wav', lokey: 'h9' })).toThrow(/lokey "h9"/);
    expect(() => toRegion({ key: '60' })).toThrow(/without sample/);
  });
  it('picks regions by key, velocity, round robin; nearest key out of range', () => {
    expect(pickRegion(regions, 60, 40, 'attack', 0, 0.5)!.sample).toMatch(/rr1/);
    expect(pickRegion(regions, 60, 40, 'attack', 1, 0.5)!.sample).toMatch(/rr2/);
    expect(pickRegion(regions, 60, 40, 'attack', 2, 0.5)!.sample).toMatch(/rr1/);
    expect(pickRegion(regions, 60, 100, 'attack', 0, 0.5)!.sample).toMatch(/loud_c4/);
    expect(pickRegion(regions, 65, 30, 'attack', 0, 0.5)!.sample).toMatch(/soft_e4/);
    expect(pickRegion(regions, 80, 30, 'attack', 0, 0.5)!.sample).toMatch(/soft_e4/);
    expect(pickRegion(regions, 60, 100, 'release', 0, 0.5)!.sample).toMatch(/rel/);
    expect(pickRegion(regions, 64, 100, 'release', 0, 0.5)).toBeUndefined();
  });
  it('thins pitches, layers and round robins for packing', () => {
    const kept = selectRegions(regions, { keyStep: 1, maxLayers: 1, maxRoundRobins: 1 });
    expect(kept.map((r) => r.sample)).toEqual(['samples/loud_c4.wav']);
    expect(kept[0]).toMatchObject({ lovel: 1, hivel: 127, lokey: 58, hikey: 61 });
    const folder = notesFolderRegions(['C4.mp3', 'E4.mp3', 'G4.mp3'], 'mini');
    expect(folder.map((r) => [r.lokey, r.hikey])).toEqual([[0, 62], [63, 65], [66, 127]]);
  });
});

describe('sampler', () => {
  const rate = 16000;
  const tone = (hz: number, amp: number): SampleData => {
    const data = new Float32Array(rate);
    for (let i = 0; i < data.length; i++) data[i] = amp * Math.sin((2 * Math.PI * hz * i) / rate);
    return { rate, data };
  };
  const regions = parseSfz(MINI, { include: () => LOUD }).map(toRegion);
  const inst: SampledInstrument = {
    id: 'mini',
    regions,
    samples: new Map([
      ['samples/soft c4 rr1.wav', tone(261.63, 0.2)], ['samples/soft_c4_rr2.wav', tone(261.63, 0.4)],
      ['samples/soft_e4.wav', tone(329.63, 0.3)], ['samples/loud_c4.wav', tone(261.63, 0.9)], ['samples/rel.wav', tone(1000, 0.05)],
    ]),
  };
  const part = (notes: PartPlan['notes'], controls: PartPlan['controls'] = []): PartPlan => ({
    class: 'pia', role: 'lead', program: 0, drums: false, labelled: true, levelDb: 0, setup: [{ cc: 7, value: 127 }, { cc: 11, value: 127 }], notes, controls,
  });
  const peak = (x: Float32Array, a: number, b: number) => x.subarray(a, b).reduce((m, v) => Math.max(m, Math.abs(v)), 0);
  it('alternates round robins and follows velocity layers', () => {
    const p = part([{ t: 0, d: 0.2, key: 60, vel: 63 }, { t: 0.5, d: 0.2, key: 60, vel: 63 }, { t: 1.0, d: 0.2, key: 60, vel: 127 }]);
    const { dry } = renderSampledPart(p, inst, rate, 0, 2 * rate, 1);
    const [a, b, c] = [peak(dry, 0, 3000), peak(dry, 8000, 11000), peak(dry, 16000, 19000)];
    const vg = 0.5 + 0.5 * (63 / 127) ** 2; // amp_veltrack=50
    expect(a).toBeCloseTo(0.2 * vg, 2);
    expect(b).toBeCloseTo(0.4 * vg, 2);
    expect(c).toBeCloseTo(0.9 * 10 ** (-3 / 20), 2);
  });
  it('transposes to the played key and bends', () => {
    const zeroCrossings = (x: Float32Array, a: number, b: number) => { let z = 0; for (let i = a + 1; i < b; i++) if ((x[i - 1] < 0) !== (x[i] < 0)) z++; return z; };
    const { dry } = renderSampledPart(part([{ t: 0, d: 0.9, key: 72, vel: 100 }]), inst, rate, 0, rate, 1);
    const hz = zeroCrossings(dry, 1000, 7000) / 2 / 0.375; // the one-shot 1 s sample lasts 0.5 s an octave up
    expect(hz).toBeGreaterThan(515);
    expect(hz).toBeLessThan(532);
    const bent = renderSampledPart(part([{ t: 0, d: 0.9, key: 60, vel: 100 }], [{ t: 0, bend: 16383 }]), inst, rate, 0, rate, 1).dry;
    const hz2 = zeroCrossings(bent, 1000, 9000) / 2 / 0.5;
    expect(hz2).toBeGreaterThan(290);
    expect(hz2).toBeLessThan(298); // +2 semitones from 261.6 Hz: 293.7
  });
  it('is deterministic and releases notes', () => {
    const p = part([{ t: 0.1, d: 0.3, key: 62, vel: 60 }, { t: 0.4, d: 0.3, key: 64, vel: 50 }]);
    const a = renderSampledPart(p, inst, rate, 0.05, rate, 7).dry;
    const b = renderSampledPart(p, inst, rate, 0.05, rate, 7).dry;
    expect(Buffer.from(a.buffer).equals(Buffer.from(b.buffer))).toBe(true);
    expect(peak(a, Math.round(0.9 * rate), rate)).toBeLessThan(1e-3);
  });
});

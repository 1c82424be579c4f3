// Chooses the regions of an instrument that go into the packed bank: pitch centres thinned to
// every n-th (the kept ones widen to cover the gaps), at most `maxLayers` velocity layers
// (spread from soft to loud, re-spanning 1..127) and `maxRoundRobins` round robins. Pure.
import type { SfzRegion } from './sfz-region.ts';

export interface SelectOptions {
  keyStep: number;
  maxLayers: number;
  maxRoundRobins: number;
  keyRange?: [number, number];
}

function spread<T>(xs: T[], k: number): T[] {
  if (xs.length <= k) return xs;
  if (k === 1) return [xs[Math.round((xs.length - 1) * 0.75)]];
  return Array.from({ length: k }, (_, i) => xs[Math.round((i * (xs.length - 1)) / (k - 1))]);
}

export function selectRegions(all: SfzRegion[], o: SelectOptions): SfzRegion[] {
  let regions = all.filter((r) => r.trigger !== 'release');
  // One articulation: what plays with no key switch pressed and controllers at their defaults.
  const active = regions.filter((r) => r.activeByDefault !== false);
  if (active.length > 0) regions = active;
  if (o.keyRange) regions = regions.filter((r) => r.pitchKeycenter >= o.keyRange![0] && r.pitchKeycenter <= o.keyRange![1]);
  // Velocity layers by their upper bound.
  const layers = [...new Set(regions.map((r) => r.hivel))].sort((a, b) => a - b);
  const keptLayers = spread(layers, o.maxLayers);
  const layerSpan = new Map<number, [number, number]>();
  keptLayers.forEach((hv, i) => layerSpan.set(hv, [i === 0 ? 1 : keptLayers[i - 1] + 1, i === keptLayers.length - 1 ? 127 : hv]));
  regions = regions.filter((r) => layerSpan.has(r.hivel));
  // Round robins.
  regions = regions.filter((r) => r.seqLength <= 1 || r.seqPosition <= o.maxRoundRobins);
  // Pitch centres.
  const centres = [...new Set(regions.map((r) => r.pitchKeycenter))].sort((a, b) => a - b);
  const keptCentres = centres.filter((_, i) => i % o.keyStep === 0 || i === centres.length - 1);
  const lo = Math.min(...regions.map((r) => r.lokey));
  const hi = Math.max(...regions.map((r) => r.hikey));
  const keySpan = new Map<number, [number, number]>();
  keptCentres.forEach((c, i) => {
    const from = i === 0 ? lo : Math.floor((keptCentres[i - 1] + c) / 2) + 1;
    const to = i === keptCentres.length - 1 ? hi : Math.floor((c + keptCentres[i + 1]) / 2);
    keySpan.set(c, [from, to]);
  });
  return regions
    .filter((r) => keySpan.has(r.pitchKeycenter))
    .map((r) => {
      const [lokey, hikey] = keySpan.get(r.pitchKeycenter)!;
      const [lovel, hivel] = layerSpan.get(r.hivel)!;
      const seqLength = r.seqLength <= 1 ? 1 : Math.min(r.seqLength, o.maxRoundRobins);
      return { ...r, lokey, hikey, lovel, hivel, seqLength };
    });
}

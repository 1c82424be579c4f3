// Tap names (the lab's "layer L"), their order of execution, shapes and PyTorch module paths,
// and the seed paper's three probe sites.
import { LabError } from '../common/errors.ts';
import { totalDownsampling, type UNetConfig } from './config.ts';
import { levelItemKinds, levelPaths } from './paths.ts';

export interface TapInfo {
  name: string;
  /** Shape in torch layout: (N, C, H, W) in 2D, (N, C, T) in 1D. */
  shape: number[];
  /** The PyTorch module (under `net.`) whose output the tap is. */
  module: string;
}

/** Checks a torch-layout input shape against the config; returns [B, H, W] (H = 1 in 1D). */
export function checkInputShape(cfg: UNetConfig, torchShape: readonly number[]): [number, number, number] {
  const want = cfg.dim === 2 ? `[B, ${cfg.in_channels}, H, W]` : `[B, ${cfg.in_channels}, T]`;
  if (torchShape.length !== cfg.dim + 2 || torchShape[1] !== cfg.in_channels) {
    throw new LabError(`U-Net input: expected shape ${want} (torch layout), got [${torchShape.join(', ')}]`);
  }
  const f = totalDownsampling(cfg);
  const spatial = torchShape.slice(2);
  for (const s of spatial) {
    if (s % f !== 0 || s === 0) {
      throw new LabError(`U-Net input: size ${s} in shape [${torchShape.join(', ')}] must be a positive multiple of ${f} (the product of the factors); pad or crop it`);
    }
  }
  return cfg.dim === 2 ? [torchShape[0], spatial[0], spatial[1]] : [torchShape[0], 1, spatial[0]];
}

/** Every tap for an input of the given torch-layout shape, in the order the forward produces them. */
export function listTaps(cfg: UNetConfig, torchInputShape: readonly number[]): TapInfo[] {
  const [B, H0, W0] = checkInputShape(cfg, torchInputShape);
  const levels = levelPaths(cfg);
  const n = levels.length;
  const down: TapInfo[] = [];
  const sizes: [number, number][] = [];
  let [h, w] = [H0, W0];
  for (let d = 0; d < n; d++) {
    if (cfg.dim === 2) h /= cfg.factors[d];
    w /= cfg.factors[d];
    sizes.push([h, w]);
  }
  const shape = (c: number, hw: [number, number]) => (cfg.dim === 2 ? [B, c, hw[0], hw[1]] : [B, c, hw[1]]);
  const inSize = (d: number): [number, number] => (d === 0 ? [H0, W0] : sizes[d - 1]);
  const cIn = (d: number) => (d === 0 ? cfg.in_channels : cfg.channels[d - 1]);
  for (let d = 0; d < n; d++) {
    const lv = levels[d];
    const s = shape(cfg.channels[d], sizes[d]);
    down.push({ name: `d${d}.down`, shape: s, module: lv.downModule });
    levelItemKinds(cfg, d).forEach((kind, k) => down.push({ name: `d${d}.${k}.${kind}`, shape: s, module: lv.downItems[k] }));
  }
  const up: TapInfo[] = [];
  for (let d = n - 1; d >= 0; d--) {
    const lv = levels[d];
    const s = shape(cfg.channels[d], sizes[d]);
    levelItemKinds(cfg, d).forEach((kind, k) => up.push({ name: `u${d}.${k}.${kind}`, shape: s, module: lv.upItems[k] }));
    up.push({ name: `u${d}.up`, shape: shape(cIn(d), inSize(d)), module: lv.up });
    up.push({ name: `level${d}`, shape: shape(cIn(d), inSize(d)), module: lv.level });
  }
  return [...down, ...up];
}

/** Tap names in execution order (no input shape needed). */
export function tapNames(cfg: UNetConfig): string[] {
  const f = totalDownsampling(cfg);
  const probe = cfg.dim === 2 ? [1, cfg.in_channels, f, f] : [1, cfg.in_channels, f];
  return listTaps(cfg, probe).map((t) => t.name);
}

export interface PaperProbeSites {
  /** Last down item of level n-2 (the paper's "final downsampling block"). */
  finalDown: string;
  /** The resnet items of the deepest level, down then up ("bottleneck layers"). */
  bottleneck: string[];
  /** `u{n-1}.up` ("first upsampling block"). */
  firstUp: string;
}

/** The seed paper's probe sites mapped to tap names. */
export function paperProbeSites(cfg: UNetConfig): PaperProbeSites {
  const n = cfg.channels.length;
  if (n < 2) throw new LabError('paperProbeSites: the config needs at least two levels');
  const kindsBefore = levelItemKinds(cfg, n - 2);
  const deepest = levelItemKinds(cfg, n - 1);
  const resnets = deepest.flatMap((k, i) => (k === 'resnet' ? [i] : []));
  return {
    finalDown: `d${n - 2}.${kindsBefore.length - 1}.${kindsBefore[kindsBefore.length - 1]}`,
    bottleneck: [...resnets.map((i) => `d${n - 1}.${i}.resnet`), ...resnets.map((i) => `u${n - 1}.${i}.resnet`)],
    firstUp: `u${n - 1}.up`,
  };
}

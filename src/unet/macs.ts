// Multiply-accumulates of a forward, per tap site, counted as the plain arithmetic of the network
// (direct convs, the up conv on the upsampled map, Linears, attention products): the yardstick
// for "GMAC per clip" and achieved GMAC/s, independent of how the lab computes them.
import type { UNetConfig } from './config.ts';
import { levelItemKinds } from './paths.ts';
import { checkInputShape } from './taps.ts';

/** MACs to compute each site from the previous one, in execution order (the time MLP is in the first). */
export function siteMacs(cfg: UNetConfig, torchInputShape: readonly number[]): { name: string; macs: number }[] {
  const [B, H0, W0] = checkInputShape(cfg, torchInputShape);
  const M = cfg.modulation_features;
  const HD = cfg.attention_heads * cfg.attention_features;
  const L = cfg.embedding_max_length;
  const k2 = (k: number) => (cfg.dim === 2 ? k * k : k);
  const n = cfg.channels.length;
  const sizes: number[] = []; // positions per item at each level
  let [h, w] = [H0, W0];
  for (let d = 0; d < n; d++) {
    if (cfg.dim === 2) h /= cfg.factors[d];
    w /= cfg.factors[d];
    sizes.push(h * w);
  }
  const inPositions = (d: number) => (d === 0 ? H0 * W0 : sizes[d - 1]);
  const cIn = (d: number) => (d === 0 ? cfg.in_channels : cfg.channels[d - 1]);
  const item = (kind: string, d: number): number => {
    const C = cfg.channels[d];
    const N = sizes[d];
    if (kind === 'resnet') return 2 * B * N * C * C * k2(3);
    if (kind === 'modulation') return B * M * 2 * C;
    const ctxN = kind === 'attention' ? N : L;
    const kv = kind === 'attention' ? B * N * C * 2 * HD : 0; // null-context K, V are constants
    return B * N * C * HD + kv + 2 * B * N * ctxN * HD + B * N * HD * C;
  };
  const out: { name: string; macs: number }[] = [];
  const time = B * (257 * M + 2 * M * M);
  for (let d = 0; d < n; d++) {
    const C = cfg.channels[d];
    out.push({ name: `d${d}.down`, macs: (d === 0 ? time : 0) + B * sizes[d] * cIn(d) * C * k2(cfg.factors[d]) });
    levelItemKinds(cfg, d).forEach((kind, k) => out.push({ name: `d${d}.${k}.${kind}`, macs: item(kind, d) }));
  }
  for (let d = n - 1; d >= 0; d--) {
    levelItemKinds(cfg, d).forEach((kind, k) => out.push({ name: `u${d}.${k}.${kind}`, macs: item(kind, d) }));
    out.push({ name: `u${d}.up`, macs: B * inPositions(d) * cfg.channels[d] * cIn(d) * k2(3) });
    out.push({ name: `level${d}`, macs: B * M * cIn(d) });
  }
  return out;
}

/** Total MACs of a forward that stops at `upTo` (default: the full forward). */
export function forwardMacs(cfg: UNetConfig, torchInputShape: readonly number[], upTo?: string): number {
  let total = 0;
  for (const s of siteMacs(cfg, torchInputShape)) {
    total += s.macs;
    if (s.name === upTo) break;
  }
  return total;
}

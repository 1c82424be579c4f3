// Test helpers (Node only): the shared PyTorch U-Net fixtures (config, weights in TF.js layout,
// inputs, v and every tap in torch layout) and the relative error used for parity.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parseNpy, type NpyArray } from '../../common/npy.ts';
import { parseUNetConfig, type UNetConfig } from '../config.ts';
import { withFileSource } from '../../weights/bytesource-node.ts';
import { readSafetensors } from '../../weights/read.ts';
import type { NamedWeights } from '../../weights/types.ts';

export { SHARED_FIXTURES as FIXTURES } from '../../common/testing/shared-fixtures.ts';
import { SHARED_FIXTURES as FIXTURES } from '../../common/testing/shared-fixtures.ts';

export interface UNetFixture {
  dir: string;
  config: UNetConfig;
  weights: NamedWeights;
  xNoisy: NpyArray;
  sigma: NpyArray;
  v: NpyArray;
  /** Tap name -> array in torch layout, in the fixture's order. */
  taps: Map<string, NpyArray>;
}

export function npy(file: string): NpyArray {
  return parseNpy(new Uint8Array(readFileSync(file)), path.basename(file));
}

export async function loadUNetFixture(name: 'unet-2d' | 'unet-1d'): Promise<UNetFixture> {
  const dir = path.join(FIXTURES, name);
  const json = JSON.parse(readFileSync(path.join(dir, 'config.json'), 'utf8')) as { taps: { name: string }[] };
  const config = parseUNetConfig(json, `${name}/config.json`);
  const { tensors } = await withFileSource(path.join(dir, 'weights.safetensors'), (s) => readSafetensors(s));
  const taps = new Map(json.taps.map((t) => [t.name, npy(path.join(dir, 'taps', `${t.name}.npy`))] as const));
  return {
    dir,
    config,
    weights: tensors,
    xNoisy: npy(path.join(dir, 'x_noisy.npy')),
    sigma: npy(path.join(dir, 'sigma.npy')),
    v: npy(path.join(dir, 'v.npy')),
    taps,
  };
}

/** ||a - b|| / ||b|| in double precision. */
export function relativeError(a: ArrayLike<number>, b: ArrayLike<number>): number {
  if (a.length !== b.length) throw new Error(`relativeError: lengths ${a.length} and ${b.length} differ`);
  let num = 0;
  let den = 0;
  for (let i = 0; i < a.length; i++) {
    const d = a[i] - b[i];
    num += d * d;
    den += b[i] * b[i];
  }
  return Math.sqrt(num) / Math.sqrt(den || 1);
}

// The feature cache: one entry per (model, clip content, sigma, tap, noise seed, window spec,
// pooled), holding every window's features of that clip. One interface, three stores: in memory
// (here), on disk in Node (cache-node.ts, .cache/features/) and IndexedDB in the browser
// (cache-idb.ts). Keys are SHA-256 of everything that changes the values, so a hit is always valid,
// and nothing else: the model enters by its content hash, not its name, so a renamed folder or the
// random-init controls of models that share config and normalisation (Model A, B, C) share entries.
import { hashJson } from './hash.ts';
import type { WindowSpec } from './windows.ts';

/** Bumped whenever the feature pipeline changes what a key's values are. */
export const FEATURES_VERSION = 1;

export interface CachedFeatures {
  /** Per-window shape (torch layout): [C] pooled, [C, T] (1D) or [C, H, W] (2D). */
  shape: number[];
  /** Windows in the clip. */
  windows: number;
  /** windows × prod(shape) float32 values, windows back to back. */
  data: Float32Array;
}

export interface FeatureCache {
  /** For messages and provenance: "memory", ".cache/features", "IndexedDB diffpir-features". */
  readonly name: string;
  get(key: string): Promise<CachedFeatures | undefined>;
  set(key: string, value: CachedFeatures): Promise<void>;
}

export interface FeatureKeyParts {
  /** The hash of the model's config, weights and mel normalisation (ModelSource.hash); its name is not part of the key. */
  modelHash: string;
  /** SHA-256 of the clip's 16 kHz float32 samples. */
  clipHash: string;
  sigma: number;
  tap: string;
  noiseSeed: number;
  window: WindowSpec;
  pooled: boolean;
}

/** The cache key of one clip's features at one tap. */
export function featureKey(p: FeatureKeyParts): Promise<string> {
  return hashJson({
    v: FEATURES_VERSION, modelHash: p.modelHash, clip: p.clipHash, sigma: p.sigma, tap: p.tap,
    seed: p.noiseSeed, window: { frames: p.window.frames, hop: p.window.hop }, pooled: p.pooled,
  });
}

export function checkCachedFeatures(v: CachedFeatures): boolean {
  const per = v.shape.reduce((a, b) => a * b, 1);
  return Number.isInteger(v.windows) && v.windows > 0 && v.data instanceof Float32Array && v.data.length === v.windows * per;
}

/** A cache in memory (tests, one-off runs); optionally bounded to `maxEntries` (oldest dropped). */
export class MemoryFeatureCache implements FeatureCache {
  readonly name = 'memory';
  private readonly entries = new Map<string, CachedFeatures>();
  constructor(private readonly maxEntries = Infinity) {}

  async get(key: string): Promise<CachedFeatures | undefined> {
    return this.entries.get(key);
  }

  async set(key: string, value: CachedFeatures): Promise<void> {
    this.entries.delete(key);
    this.entries.set(key, value);
    while (this.entries.size > this.maxEntries) this.entries.delete(this.entries.keys().next().value!);
  }

  get size(): number {
    return this.entries.size;
  }
}

/** No caching at all (every get misses). */
export const NO_CACHE: FeatureCache = { name: 'none', get: async () => undefined, set: async () => {} };

// Seeded Gaussian noise for noising a window: the same (seed, clip content, window start) always
// gives the same noise, on every backend and in every batch, and the noise does not depend on
// sigma or the model, so a sigma sweep and the random-init control see the same draws.

/** 32-bit FNV-1a of a string, with a final avalanche. */
function hash32(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  return h >>> 0;
}

/** mulberry32: uniforms in [0, 1) (kept here so the noise never changes with other parts' generators). */
function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    let t = (a = (a + 0x6d2b79f5) >>> 0);
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Standard normal values (Box-Muller, both values used) for one window. */
export function windowNoise(seed: number, clipHash: string, windowStart: number, count: number): Float32Array {
  const uniform = mulberry32(hash32(`${seed >>> 0}/${clipHash}/${windowStart}`));
  const out = new Float32Array(count);
  for (let i = 0; i < count; i += 2) {
    const r = Math.sqrt(-2 * Math.log(1 - uniform()));
    const th = 2 * Math.PI * uniform();
    out[i] = r * Math.cos(th);
    if (i + 1 < count) out[i + 1] = r * Math.sin(th);
  }
  return out;
}

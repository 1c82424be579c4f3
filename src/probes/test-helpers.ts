// Test helpers: a synthetic, separable multi-label feature problem.
import { Rng } from './rng.ts';
import type { LabelledFeatures } from './features.ts';

/**
 * `count` examples of shape [c, h, w]; class k lights up channel k (and k + classes if it exists)
 * in a class-specific band of rows; 1-2 labels per example; Gaussian-ish noise.
 */
export function syntheticFeatures(
  count: number, shape: [number, number, number], classes: number, seed: number, clipsOf = 1,
): LabelledFeatures {
  const [c, h, w] = shape;
  const rng = new Rng(seed);
  const per = c * h * w;
  const data = new Float32Array(count * per);
  const labels = new Uint8Array(count * classes);
  const clipIds: string[] = [];
  for (let n = 0; n < count; n++) {
    const clip = Math.floor(n / clipsOf);
    clipIds.push(`clip${clip}`);
    if (n % clipsOf === 0) {
      const rc = new Rng(seed * 7919 + clip);
      const first = rc.int(classes);
      labels[n * classes + first] = 1;
      if (rc.next() < 0.5) labels[n * classes + rc.int(classes)] = 1;
    } else {
      labels.copyWithin(n * classes, (n - 1) * classes, n * classes);
    }
    for (let i = 0; i < per; i++) data[n * per + i] = (rng.next() + rng.next() + rng.next() - 1.5) * 0.6;
    for (let k = 0; k < classes; k++) {
      if (!labels[n * classes + k]) continue;
      for (const ch of [k, k + classes]) {
        if (ch >= c) continue;
        const row = k % h;
        for (let x = 0; x < w; x++) data[n * per + ch * h * w + row * w + x] += 1.5;
      }
    }
  }
  return { shape: [...shape], data, count, labels, clipIds };
}

// Test helper: runs a describe block once per Node backend (WASM, then CPU).
import { beforeAll, describe } from 'vitest';
import { initNodeBackend } from '../../compute/node.ts';

export const NODE_BACKENDS = ['wasm', 'cpu'] as const;

export function describeEachBackend(title: string, body: (backend: (typeof NODE_BACKENDS)[number]) => void): void {
  for (const b of NODE_BACKENDS) {
    describe(`${title} [${b}]`, () => {
      beforeAll(async () => {
        await initNodeBackend(b);
      });
      body(b);
    });
  }
}

/** Deterministic pseudo-random values in [-1, 1) for test inputs. */
export function testValues(n: number, seed = 1): Float32Array {
  const out = new Float32Array(n);
  let s = seed >>> 0;
  for (let i = 0; i < n; i++) {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    out[i] = s / 2147483648 - 1;
  }
  return out;
}

export function maxAbsDiff(a: ArrayLike<number>, b: ArrayLike<number>): number {
  if (a.length !== b.length) throw new Error(`maxAbsDiff: lengths ${a.length} and ${b.length} differ`);
  let m = 0;
  for (let i = 0; i < a.length; i++) m = Math.max(m, Math.abs(a[i] - b[i]));
  return m;
}

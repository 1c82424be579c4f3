// The lab's gradient kernels (./kernels/) on WASM against the CPU backend's gradients, with
// random shapes: strided 'valid' 2x2, 3x3 'same', 1x1, batch > 1, channel counts not multiples of 4.
import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { initNodeBackend } from './node.ts';
import { resizeNearestGradValues } from './kernels/resizeNearestNeighborGrad.ts';

type Fn = (x: tf.Tensor, w: tf.Tensor) => tf.Tensor;

/** Gradients of sum(f(x, w) * t) with respect to x and w, on `backend`, as plain arrays. */
function gradsOn(backend: string, f: Fn, xShape: number[], wShape: number[], seed: number): Float32Array[] {
  tf.setBackend(backend);
  return tf.tidy(() => {
    const x = tf.randomNormal(xShape, 0, 1, 'float32', seed);
    const w = tf.randomNormal(wShape, 0, 1, 'float32', seed + 1);
    const t = tf.randomNormal(f(x, w).shape, 0, 1, 'float32', seed + 2);
    const [gx, gw] = tf.grads((a: tf.Tensor, b: tf.Tensor) => f(a, b).mul(t).sum())([x, w]);
    return [gx.dataSync() as Float32Array, gw.dataSync() as Float32Array];
  });
}

function relErr(a: Float32Array, b: Float32Array): number {
  expect(a.length).toBe(b.length);
  let num = 0;
  let den = 0;
  for (let i = 0; i < a.length; i++) {
    num = Math.max(num, Math.abs(a[i] - b[i]));
    den = Math.max(den, Math.abs(b[i]));
  }
  return den === 0 ? num : num / den;
}

function expectWasmMatchesCpu(f: Fn, xShape: number[], wShape: number[], seed = 1): void {
  const numTensors = (tf.setBackend('wasm'), tf.memory().numTensors);
  const wasm = gradsOn('wasm', f, xShape, wShape, seed);
  expect(tf.memory().numTensors).toBe(numTensors);
  const cpu = gradsOn('cpu', f, xShape, wShape, seed);
  tf.setBackend('wasm');
  expect(relErr(wasm[0], cpu[0])).toBeLessThan(1e-4);
  expect(relErr(wasm[1], cpu[1])).toBeLessThan(1e-4);
}

const as4 = (t: tf.Tensor) => t as tf.Tensor4D;

beforeAll(async () => {
  await initNodeBackend('wasm');
});

describe('Conv2DBackpropFilter / Conv2DBackpropInput on wasm', () => {
  const cases: [string, number[], number[], number | [number, number], 'same' | 'valid' | [[0, 0], [number, number], [number, number], [0, 0]]][] = [
    ['3x3 same, batch 3, 5 -> 7 channels', [3, 9, 11, 5], [3, 3, 5, 7], 1, 'same'],
    ['2x2 stride 2 valid (down conv), 6 -> 10', [2, 8, 12, 6], [2, 2, 6, 10], 2, 'valid'],
    ['2x2 stride 2 valid, odd input 9x7 (unused edge)', [2, 9, 7, 3], [2, 2, 3, 5], 2, 'valid'],
    ['1x1, batch 4, 1 -> 16', [4, 6, 5, 1], [1, 1, 1, 16], 1, 'valid'],
    ['3x3 stride 2 same, odd input', [2, 7, 9, 3], [3, 3, 3, 6], 2, 'same'],
    ['3x3 valid, stride [1,2]', [2, 8, 9, 4], [3, 3, 4, 3], [1, 2], 'valid'],
    ['5x3 explicit padding', [1, 8, 8, 2], [5, 3, 2, 3], 1, [[0, 0], [2, 1], [0, 2], [0, 0]]],
    ['3x3 same, 16 -> 1 (the up conv of level 0)', [2, 16, 16, 16], [3, 3, 16, 1], 1, 'same'],
  ];
  for (const [name, xs, ws, s, pad] of cases) {
    it(name, () => expectWasmMatchesCpu((x, w) => tf.conv2d(as4(x), as4(w), s, pad), xs, ws));
  }
  it('conv1d (through conv2d), kernel 3 same', () =>
    expectWasmMatchesCpu((x, w) => tf.conv1d(x as tf.Tensor3D, w as tf.Tensor3D, 1, 'same'), [2, 20, 6], [3, 6, 5]));
  it('conv2dTranspose stride 2 (its forward is Conv2DBackpropInput)', () =>
    expectWasmMatchesCpu((x, w) => tf.conv2dTranspose(as4(x), as4(w), [2, 10, 12, 3], 2, 'same'), [2, 5, 6, 4], [3, 3, 3, 4]));
  it('fused conv2d with bias and relu', () =>
    expectWasmMatchesCpu((x, w) => tf.fused.conv2d({ x: as4(x), filter: as4(w), strides: 1, pad: 'same', bias: tf.fill([3], 0.1), activation: 'relu' }), [2, 6, 6, 5], [3, 3, 5, 3]));
});

describe('pooling, resize and gather gradients on wasm', () => {
  const pools: [number[], number, number, 'same' | 'valid'][] = [
    [[2, 9, 9, 5], 3, 3, 'valid'],
    [[1, 8, 8, 2], 2, 2, 'valid'],
    [[2, 7, 10, 3], 3, 3, 'same'],
    [[1, 7, 7, 6], 3, 2, 'same'],
  ];
  for (const [xs, k, s, pad] of pools) {
    it(`maxPool ${k}x${k}/${s} ${pad} on ${xs.join('x')}`, () =>
      expectWasmMatchesCpu((x, w) => tf.maxPool(as4(x), k, s, pad).mul(w), xs, [1]));
    it(`avgPool ${k}x${k}/${s} ${pad} on ${xs.join('x')}`, () =>
      expectWasmMatchesCpu((x, w) => tf.avgPool(as4(x), k, s, pad).mul(w), xs, [1]));
  }
  it('nearest upsample x2, batch 2 (CPU kernel replaced: it was wrong for batch > 1)', () => {
    const f: Fn = (x, w) => tf.image.resizeNearestNeighbor(as4(x), [x.shape[1]! * 2, x.shape[2]! * 2]).mul(w);
    expectWasmMatchesCpu(f, [2, 5, 6, 3], [3]);
  });
  it('nearest resize gradient follows the forward index rule (alignCorners, halfPixelCenters)', () => {
    tf.setBackend('wasm');
    for (const [alignCorners, halfPixelCenters] of [[false, false], [true, false], [false, true]]) {
      const dy = Float32Array.from({ length: 2 * 7 * 9 * 2 }, (_, i) => Math.sin(i));
      const dx = resizeNearestGradValues(dy, [2, 4, 5, 2], [2, 7, 9, 2], { alignCorners, halfPixelCenters });
      // Reference: the gradient of sum(resize(x) * dy) by autodiff through a one-hot basis.
      const ref = tf.tidy(() => {
        const eye = tf.eye(40).reshape([40, 4, 5, 2]) as tf.Tensor4D;
        const y = tf.image.resizeNearestNeighbor(eye, [7, 9], alignCorners, halfPixelCenters).reshape([40, 7 * 9 * 2]);
        const d = tf.tensor(dy, [2, 7 * 9 * 2]);
        return tf.matMul(d, y, false, true).dataSync() as Float32Array;
      });
      expect(relErr(dx, ref)).toBeLessThan(1e-6);
    }
  });
  it('gather along an axis (UnsortedSegmentSum)', () =>
    expectWasmMatchesCpu((x, w) => tf.gather(x, [0, 2, 2, 1], 1).mul(w), [3, 4, 5], [5]));
  it('depthwise conv2d 3x3 same, multiplier 2', () =>
    expectWasmMatchesCpu((x, w) => tf.depthwiseConv2d(as4(x), as4(w), 1, 'same'), [2, 6, 7, 3], [3, 3, 3, 2]));
});

describe('gradients of the U-Net nonlinearities and norms on wasm', () => {
  it('erf-GELU, softmax', () => {
    expectWasmMatchesCpu((x, w) => x.mul(tf.erf(x.mul(w).div(Math.SQRT2)).add(1)).mul(0.5), [4, 6], [6]);
    expectWasmMatchesCpu((x, w) => tf.softmax(x.mul(w)), [4, 6], [6]);
  });
  it('group norm and layer norm', () => {
    expectWasmMatchesCpu((x, w) => {
      const g = x.reshape([2, 30, 2, 3]);
      const m = tf.moments(g, [1, 3], true);
      return g.sub(m.mean).mul(tf.rsqrt(m.variance.add(1e-5))).reshape([2, 5, 6, 6]).mul(w);
    }, [2, 5, 6, 6], [6]);
    expectWasmMatchesCpu((x, w) => {
      const m = tf.moments(x, [3], true);
      return x.sub(m.mean).mul(tf.rsqrt(m.variance.add(1e-6))).mul(w);
    }, [2, 4, 5, 7], [7]);
  });
});

describe('broadcasting gradients (all backends)', () => {
  /** Gradients of sum(f(a, b) * t) for a [2,3,4] and b [2,1,4] (broadcast along axis 1). */
  const gradsOf = (f: (a: tf.Tensor, b: tf.Tensor) => tf.Tensor) =>
    tf.tidy(() => {
      const a = tf.randomNormal([2, 3, 4], 0, 1, 'float32', 5);
      const b = tf.randomNormal([2, 1, 4], 0, 1, 'float32', 6);
      const t = tf.randomNormal([2, 3, 4], 0, 1, 'float32', 7);
      const [ga, gb] = tf.grads((x: tf.Tensor, y: tf.Tensor) => f(x, y).mul(t).sum())([a, b]);
      expect(gb.shape).toEqual([2, 1, 4]);
      return [ga.dataSync() as Float32Array, gb.dataSync() as Float32Array];
    });
  it('squaredDifference matches square(sub) (as in a norm with a keepDims mean)', () => {
    const [ga, gb] = gradsOf((a, b) => tf.squaredDifference(a, b));
    const [ra, rb] = gradsOf((a, b) => tf.square(tf.sub(a, b)));
    expect(relErr(ga, ra)).toBeLessThan(1e-6);
    expect(relErr(gb, rb)).toBeLessThan(1e-6);
  });
  it('maximum and minimum sum the gradient over broadcast axes', () => {
    const [, gb] = gradsOf((a, b) => tf.maximum(a, b));
    const [, gm] = gradsOf((a, b) => tf.minimum(a, b));
    const [rb, rm] = tf.tidy(() => {
      const a = tf.randomNormal([2, 3, 4], 0, 1, 'float32', 5);
      const b = tf.randomNormal([2, 1, 4], 0, 1, 'float32', 6);
      const t = tf.randomNormal([2, 3, 4], 0, 1, 'float32', 7);
      const sumWhere = (m: tf.Tensor) => tf.sum(tf.mul(t, tf.cast(m, 'float32')), 1, true).dataSync() as Float32Array;
      return [sumWhere(tf.less(a, b)), sumWhere(tf.greater(a, b))];
    });
    expect(relErr(gb, rb)).toBeLessThan(1e-6);
    expect(relErr(gm, rm)).toBeLessThan(1e-6);
  });
});

describe('wasm Slice, SplitV and transposed BatchMatMul (wrapped for speed) equal the CPU backend', () => {
  const onBoth = (f: () => tf.Tensor | tf.Tensor[]): Float32Array[][] =>
    ['wasm', 'cpu'].map((b) => {
      tf.setBackend(b);
      return tf.tidy(() => {
        const r = f();
        return (Array.isArray(r) ? r : [r]).map((t) => t.dataSync() as Float32Array);
      });
    });
  const x5 = () => tf.randomNormal([3, 4, 2, 5, 3], 0, 1, 'float32', 9);
  it('slices of rank 1..5 (partial and whole axes)', () => {
    const cases: [() => tf.Tensor, number[], number[]][] = [
      [() => tf.randomNormal([7], 0, 1, 'float32', 1), [2], [3]],
      [() => tf.randomNormal([4, 6], 0, 1, 'float32', 1), [1, 0], [2, 6]],
      [() => tf.randomNormal([4, 6, 3], 0, 1, 'float32', 1), [0, 2, 1], [4, 3, 2]],
      [x5, [0, 0, 1, 0, 0], [3, 4, 1, 5, 3]],
      [x5, [1, 2, 0, 1, 1], [2, 1, 2, 3, 2]],
    ];
    for (const [make, begin, size] of cases) {
      const [w, c] = onBoth(() => tf.slice(make(), begin, size));
      expect(Array.from(w[0])).toEqual(Array.from(c[0]));
    }
    tf.setBackend('wasm');
  });
  it('split of a rank-5 tensor along axis 2 and along axis 4 (uneven)', () => {
    const [w, c] = onBoth(() => [...tf.split(x5(), 2, 2), ...tf.split(x5(), [1, 2], 4)]);
    w.forEach((v, i) => expect(Array.from(v)).toEqual(Array.from(c[i])));
    tf.setBackend('wasm');
  });
  it('matMul with transposeA / transposeB, batched and broadcast', () => {
    const a = () => tf.randomNormal([2, 5, 3], 0, 1, 'float32', 3);
    const b = () => tf.randomNormal([2, 5, 4], 0, 1, 'float32', 4);
    const c = () => tf.randomNormal([4, 3], 0, 1, 'float32', 5);
    const [w, cpu] = onBoth(() => [
      tf.matMul(a(), b(), true, false),
      tf.matMul(b(), a(), true, false),
      tf.matMul(a(), c(), false, true),
      tf.matMul(c(), b(), true, true),
    ]);
    w.forEach((v, i) => expect(relErr(v, cpu[i])).toBeLessThan(1e-6));
    tf.setBackend('wasm');
  });
});

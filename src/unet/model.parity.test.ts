// Parity with PyTorch: both fixtures, every tap and v, on WASM and CPU: ||a - b|| / ||b|| <= 1e-4.
import { beforeAll, expect, it } from 'vitest';
import * as tf from '@tensorflow/tfjs';
import { createUNet, type UNetOptions } from './model.ts';
import { fromTorchLayout, toTorchLayout } from './layout.ts';
import { loadUNetFixture, relativeError, type UNetFixture } from './testing/fixtures.ts';
import { describeEachBackend } from './testing/backends.ts';

const fixtures = new Map<string, UNetFixture>();
beforeAll(async () => {
  for (const name of ['unet-2d', 'unet-1d'] as const) fixtures.set(name, await loadUNetFixture(name));
});

describeEachBackend('U-Net parity with PyTorch', (backend) => {
  const cases: [string, UNetOptions, string][] = [
    ['unet-2d', {}, ''],
    ['unet-1d', {}, ''],
    // The WASM-speed paths (Winograd on every resnet conv, sub-pixel up convs off): once is enough.
    ...(backend === 'wasm'
      ? [['unet-2d', { winograd: { minChannels: 1, minMacs: 0 }, subPixelUpsample: false }, ' (all resnet convs Winograd, direct up convs)'] as [string, UNetOptions, string]]
      : []),
  ];
  for (const [name, opts, variant] of cases) {
    it(`${name}${variant}: every tap and v within 1e-4`, () => {
      const fx = fixtures.get(name)!;
      const start = tf.memory().numTensors;
      const model = createUNet(fx.config, fx.weights, opts);
      const x = tf.tidy(() => fromTorchLayout(tf.tensor(fx.xNoisy.data, fx.xNoisy.shape)));
      const sigma = tf.tensor1d(fx.sigma.data);
      const out = model.forward(x, sigma, { taps: 'all', v: true });
      const errors: [string, number][] = [];
      for (const [tap, ref] of [...fx.taps, ['v', fx.v] as const]) {
        const t = tap === 'v' ? out.v! : out.taps.get(tap)!;
        const got = toTorchLayout(t);
        expect(got.shape, tap).toEqual(ref.shape);
        errors.push([tap, relativeError(got.dataSync(), ref.data)]);
        got.dispose();
      }
      const worst = errors.reduce((a, b) => (b[1] > a[1] ? b : a));
      console.log(`${name}${variant} [${backend}]: ${errors.length} tensors, max relative error ${worst[1].toExponential(2)} (${worst[0]})`);
      for (const [tap, e] of errors) expect(e, tap).toBeLessThanOrEqual(1e-4);
      tf.dispose([x, sigma, out.v!, ...out.taps.values()]);
      model.dispose();
      expect(tf.memory().numTensors).toBe(start);
    });
  }
});

// Test-only entry for unet-parity.html: starts the backend named by ?backend= through the app's own
// BrowserRuntime, builds the U-Net from the shared 2D fixture's safetensors exactly as the app does
// (createUNet defaults), runs one forward with every tap and v, and publishes the relative error of
// each against PyTorch (||a - b|| / ||b||, torch layout) on window.__unetParity.
import * as tf from '@tensorflow/tfjs';
import { BrowserRuntime } from '../../../src/compute/browser/runtime.ts';
import type { BackendName } from '../../../src/compute/types.ts';
import { parseNpy, type NpyArray } from '../../../src/common/npy.ts';
import { parseUNetConfig } from '../../../src/unet/config.ts';
import { createUNet } from '../../../src/unet/model.ts';
import { fromTorchLayout, toTorchLayout } from '../../../src/unet/layout.ts';
import { bytesSource, readSafetensors } from '../../../src/weights/browser.ts';

export interface UNetParityResult {
  backend: string;
  /** What the runtime says about the backend (adapter, renderer, WASM threads...). */
  facts: Record<string, string | number | boolean>;
  maxRelErr: number;
  worst: string;
  perTap: Record<string, number>;
  /** Wall times (data read back): loading, the first forward (shader compilation included), a second one (?passes=2). */
  ms: { load: number; first: number; second?: number };
  leakedTensors: number;
  error?: string;
}

const FIXTURE = 'fixtures/unet-2d/';

const fetchBytes = async (rel: string): Promise<Uint8Array> => {
  const r = await fetch(FIXTURE + rel);
  if (!r.ok) throw new Error(`${rel}: HTTP ${r.status}`);
  return new Uint8Array(await r.arrayBuffer());
};
const npy = async (rel: string): Promise<NpyArray> => parseNpy(await fetchBytes(rel), rel);

function relativeError(a: ArrayLike<number>, b: ArrayLike<number>): number {
  if (a.length !== b.length) throw new Error(`lengths ${a.length} and ${b.length} differ`);
  let num = 0, den = 0;
  for (let i = 0; i < a.length; i++) { num += (a[i] - b[i]) ** 2; den += b[i] ** 2; }
  return Math.sqrt(num / (den || 1));
}

async function run(): Promise<UNetParityResult> {
  const query = new URLSearchParams(location.search);
  const requested = query.get('backend') as BackendName | null;
  const passes = Number(query.get('passes') ?? 1);
  if (!requested || !['webgpu', 'webgl', 'wasm', 'cpu'].includes(requested)) throw new Error(`?backend= must be webgpu, webgl, wasm or cpu (got ${requested})`);
  const runtime = new BrowserRuntime({ notice: () => {}, backend: () => {} });
  const choice = await runtime.init(requested);
  if (choice.name !== requested || tf.getBackend() !== requested) {
    throw new Error(`backend ${requested} did not start: active ${tf.getBackend()} (${choice.reason})`);
  }

  const t0 = performance.now();
  const json = JSON.parse(new TextDecoder().decode(await fetchBytes('config.json'))) as { taps: { name: string }[] };
  const config = parseUNetConfig(json, 'unet-2d/config.json');
  const { tensors } = await readSafetensors(bytesSource(await fetchBytes('weights.safetensors'), 'weights.safetensors'));
  const [xNoisy, sigmaArr, vRef] = await Promise.all([npy('x_noisy.npy'), npy('sigma.npy'), npy('v.npy')]);
  const refs = new Map<string, NpyArray>();
  for (const { name } of json.taps) refs.set(name, await npy(`taps/${name}.npy`));
  refs.set('v', vRef);
  const start = tf.memory().numTensors;
  const model = createUNet(config, tensors); // the app's defaults (Winograd only on WASM/CPU)
  const load = performance.now() - t0;

  const x = tf.tidy(() => fromTorchLayout(tf.tensor(xNoisy.data, xNoisy.shape)));
  const sigma = tf.tensor1d(sigmaArr.data);
  const forward = async () => {
    const t = performance.now();
    const out = model.forward(x, sigma, { taps: 'all', v: true });
    const got = new Map<string, Float32Array>();
    for (const [name, ref] of refs) {
      const y = name === 'v' ? out.v : out.taps.get(name);
      if (!y) throw new Error(`forward returned no ${name}`);
      const torch = toTorchLayout(y);
      if (torch.shape.join() !== ref.shape.join()) throw new Error(`${name}: shape [${torch.shape}] vs fixture [${ref.shape}]`);
      got.set(name, (await torch.data()) as Float32Array);
      torch.dispose();
    }
    tf.dispose([out.v!, ...out.taps.values()]);
    return { got, ms: performance.now() - t };
  };
  const first = await forward();
  const second = passes > 1 ? await forward() : undefined;
  tf.dispose([x, sigma]);
  model.dispose();

  const perTap: Record<string, number> = {};
  let worst = '', maxRelErr = 0;
  for (const [name, ref] of refs) {
    // A second pass (cached shaders/programs) must be as close as the first.
    perTap[name] = Math.max(...[first, second].map((p) => (p ? relativeError(p.got.get(name)!, ref.data) : 0)));
    if (!(perTap[name] <= maxRelErr)) { maxRelErr = perTap[name]; worst = name; }
  }
  return {
    backend: tf.getBackend(),
    facts: choice.facts,
    maxRelErr,
    worst,
    perTap,
    ms: { load, first: first.ms, second: second?.ms },
    leakedTensors: tf.memory().numTensors - start,
  };
}

const w = window as unknown as { __unetParity?: UNetParityResult };
run()
  .then((r) => { w.__unetParity = r; })
  .catch((e: unknown) => { w.__unetParity = { error: e instanceof Error ? `${e.message}\n${e.stack}` : String(e) } as UNetParityResult; })
  .finally(() => { document.getElementById('result')!.textContent = JSON.stringify(w.__unetParity, null, 1); });

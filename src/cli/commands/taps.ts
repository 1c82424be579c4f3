// `diffpir taps`: run the U-Net on a noisy input and write v and tap activations as float32 .npy in
// torch layout, for parity checks against PyTorch. Stops early when only encoder taps are asked.
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import * as tf from '@tensorflow/tfjs';
import type { Command } from '../command.ts';
import { LabError } from '../../common/errors.ts';
import { encodeNpy, parseNpy, type NpyArray } from '../../common/npy.ts';
import { initNodeBackend } from '../../compute/node.ts';
import { parseUNetConfig, type UNetConfig } from '../../unet/config.ts';
import { createUNet } from '../../unet/model.ts';
import { fromTorchLayout, toTorchLayout } from '../../unet/layout.ts';
import { checkInputShape } from '../../unet/taps.ts';
import { loadWeights } from '../../weights/index.ts';

async function readBytes(file: string, what: string): Promise<Uint8Array> {
  try {
    return new Uint8Array(await readFile(file));
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw new LabError(`${file}: cannot read the ${what} (${code === 'ENOENT' ? 'no such file' : (code ?? String(e))})`);
  }
}

async function readConfig(file: string): Promise<UNetConfig> {
  const text = new TextDecoder().decode(await readBytes(file, 'config'));
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (e) {
    throw new LabError(`${file}: not valid JSON (${(e as Error).message})`);
  }
  return parseUNetConfig(json, file);
}

/** Sigma per batch item: a [B] array, or one value for every item. */
function sigmaValues(s: NpyArray, batch: number, file: string): Float32Array {
  const n = s.data.length;
  if (s.shape.length > 1 || (n !== batch && n !== 1)) {
    throw new LabError(`${file}: sigma must have shape [${batch}] (one per batch item) or hold one value, got [${s.shape.join(', ')}]`);
  }
  const out = n === 1 ? new Float32Array(batch).fill(s.data[0]) : s.data;
  const bad = out.findIndex((v) => !(v >= 0 && v <= 1));
  if (bad >= 0) throw new LabError(`${file}: sigma[${bad}] = ${out[bad]} is outside [0, 1]`);
  return out;
}

export const tapsCommand: Command = {
  name: 'taps',
  summary: 'Run the U-Net on x_noisy and sigma; write v.npy and <tap>.npy (torch layout) for parity checks',
  usage:
    'npx diffpir taps --weights <checkpoint.safetensors | model dir> [--config <unet.json>] --input <x_noisy.npy> ' +
    '--sigma <sigma.npy> --out <dir> [--taps name,name] [--backend wasm|cpu]\n' +
    '  --config  required with a .safetensors file; a model dir brings its own config.json\n' +
    '  --input   torch layout: [B, C, H, W] (2D) or [B, C, T] (1D)\n' +
    '  --taps    tap names (d{d}.down, d{d}.{k}.{kind}, u{d}.{k}.{kind}, u{d}.up, level{d}); all when absent.\n' +
    '            With only encoder taps the decoder does not run and v.npy is not written.\n' +
    '  --backend wasm (default) or cpu; webgl and webgpu exist only in the browser',
  async run(args) {
    const weightsPath = args.requireStr('weights');
    const configFile = args.str('config');
    const inputFile = args.requireStr('input');
    const sigmaFile = args.requireStr('sigma');
    const outDir = args.requireStr('out');
    const wanted = args.list('taps');
    const backend = await initNodeBackend(args.str('backend'));

    const loaded = await loadWeights(weightsPath, configFile ? await readConfig(configFile) : undefined);
    const cfg = loaded.config;
    for (const w of loaded.warnings) console.error(`warning: ${w}`);
    const input = parseNpy(await readBytes(inputFile, 'input'), inputFile);
    const [batch] = checkInputShape(cfg, input.shape);
    const sigma = sigmaValues(parseNpy(await readBytes(sigmaFile, 'sigma'), sigmaFile), batch, sigmaFile);

    const model = createUNet(cfg, loaded.weights);
    loaded.weights.clear();
    const t0 = performance.now();
    const out = tf.tidy(() => {
      const x = fromTorchLayout(tf.tensor(input.data, input.shape));
      const r = model.forward(x, tf.tensor1d(sigma), wanted ? { taps: wanted } : { taps: 'all', v: true });
      return { steps: r.steps.length, v: r.v ? toTorchLayout(r.v) : undefined, taps: [...r.taps].map(([n, t]) => ({ n, t: toTorchLayout(t) })) };
    });
    const ms = performance.now() - t0;
    model.dispose();

    await mkdir(outDir, { recursive: true });
    const files: [string, tf.Tensor][] = out.taps.map(({ n, t }) => [`${n}.npy`, t]);
    if (out.v) files.push(['v.npy', out.v]);
    for (const [name, t] of files) {
      const file = path.join(outDir, name);
      try {
        await writeFile(file, encodeNpy(t.dataSync() as Float32Array, t.shape));
      } catch (e) {
        throw new LabError(`cannot write ${file}: ${(e as Error).message}`);
      } finally {
        t.dispose();
      }
    }
    const early = out.v === undefined ? `, stopped early after ${out.steps} of ${model.tapNames.length} sites (no v.npy)` : '';
    console.log(`${backend.name}: forward ${ms.toFixed(0)} ms${early}; wrote ${files.length} files to ${outDir}`);
  },
};

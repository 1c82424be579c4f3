// `diffpir convert`: a PyTorch safetensors checkpoint -> a model directory the app loads
// (model.json + ~4 MB shards in TF.js layout + config.json), checked against the config first.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Command } from '../command.ts';
import { LabError } from '../../common/errors.ts';
import type { Progress } from '../../common/progress.ts';
import { parseUNetConfig } from '../../unet/config.ts';
import { convertCheckpoint, withFileSource } from '../../weights/index.ts';

/** Keys of a fixture-style config that describe the fixture, not the model; not copied. */
const FIXTURE_ONLY_KEYS = ['unet', 'taps', 'seed', 'sigmas', 'layout', 'params'];

async function readConfigFile(file: string): Promise<unknown> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (e) {
    throw new LabError(`${file}: cannot read the config (${(e as NodeJS.ErrnoException).code ?? String(e)})`);
  }
  try {
    return JSON.parse(text);
  } catch (e) {
    throw new LabError(`${file}: not valid JSON (${(e as Error).message})`);
  }
}

function progressPrinter(): (p: Progress) => void {
  let lastTenth = -1;
  return (p) => {
    const tenth = p.total > 0 ? Math.floor((10 * p.done) / p.total) : 0;
    if (tenth === lastTenth) return;
    lastTenth = tenth;
    if (process.stderr.isTTY) process.stderr.write(`\r${p.stage}: ${tenth * 10}%${tenth === 10 ? '\n' : ''}`);
  };
}

export const convertCommand: Command = {
  name: 'convert',
  summary: 'Convert a PyTorch .safetensors checkpoint into a model directory for the app',
  usage:
    'npx diffpir convert <checkpoint.safetensors> --config <unet.json> --out <model dir> [--float16]\n' +
    '  --config  UNetV0 keyword arguments, bare or under a "unet" key (other keys, e.g. "mel" or "card", go to config.json)\n' +
    '  --float16 store weights as float16 (half the size; loaded back as float32)',
  async run(args) {
    const checkpoint = args.positional(0, 'the checkpoint (.safetensors)');
    const configFile = args.requireStr('config');
    const outDir = args.requireStr('out');
    const float16 = args.bool('float16');
    const json = await readConfigFile(configFile);
    const config = parseUNetConfig(json, configFile);
    const extras: Record<string, unknown> = {};
    if (typeof json === 'object' && json !== null && 'unet' in json) {
      for (const [k, v] of Object.entries(json)) if (!FIXTURE_ONLY_KEYS.includes(k)) extras[k] = v;
    }
    const t0 = performance.now();
    const result = await withFileSource(checkpoint, (source) => convertCheckpoint(source, config, outDir, { float16, extras, onProgress: progressPrinter() }));
    for (const w of result.warnings) console.error(`warning: ${w}`);
    const shards = result.modelJson.weightsManifest[0].paths.length;
    const mb = (result.bytes / 2 ** 20).toFixed(1);
    const seconds = ((performance.now() - t0) / 1000).toFixed(1);
    console.log(`${path.basename(checkpoint)} -> ${outDir}: ${result.tensors} tensors, ${mb} MiB ${float16 ? 'float16' : 'float32'} in ${shards} shards (${seconds} s)`);
  },
};

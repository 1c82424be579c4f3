// One phase of the weights benchmark, run in its own process so its peak RSS is its own:
// `node --import tsx scripts/bench/weights-phase.ts <phase> <checkpoint> <workdir>`; prints JSON.
import path from 'node:path';
import { PAPER_CONFIG } from '../../src/unet/presets.ts';
import { convertCheckpoint, loadModelDir, readSafetensors, withFileSource } from '../../src/weights/index.ts';
import { openCheckpoint } from '../../src/weights/safetensors.ts';

const [phase, checkpoint, workdir] = process.argv.slice(2);
const t0 = performance.now();
const cpu0 = process.cpuUsage();
let tensors = 0;
if (phase === 'header') {
  tensors = (await withFileSource(checkpoint, openCheckpoint)).entries.size;
} else if (phase === 'read') {
  tensors = (await withFileSource(checkpoint, (s) => readSafetensors(s))).tensors.size;
} else if (phase === 'convert-f32' || phase === 'convert-f16') {
  const out = path.join(workdir, phase);
  tensors = (await withFileSource(checkpoint, (s) => convertCheckpoint(s, PAPER_CONFIG, out, { float16: phase === 'convert-f16' }))).tensors;
} else if (phase === 'load-f32' || phase === 'load-f16') {
  tensors = (await loadModelDir(path.join(workdir, phase.replace('load', 'convert')))).weights.size;
} else if (phase !== 'baseline') {
  throw new Error(`unknown phase ${phase}`);
}
const ms = performance.now() - t0;
const cpu = process.cpuUsage(cpu0);
const cpuMs = (cpu.user + cpu.system) / 1000;
console.log(JSON.stringify({ phase, ms, cpuMs, tensors, maxRssMB: process.resourceUsage().maxRSS / 1024 }));

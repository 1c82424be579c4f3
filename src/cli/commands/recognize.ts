// `diffpir recognize`: predicted instruments of an audio file with probabilities and a per-window
// timeline, from a trained probe (default models/probe-default/) on its U-Net's features, or
// with --han from a Han et al. CNN folder on the log-mel (same result shape and text).
// Pipelines: src/features/recognize.ts (the app's worker calls the same function) and
// src/baseline/recognize-han.ts.
import { readFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import path from 'node:path';
import type { Command } from '../command.ts';
import { LabError } from '../../common/errors.ts';
import { loadAudio16k } from '../../audio/load.ts';
import { loadHanDir } from '../../baseline/node.ts';
import { recognizeHan } from '../../baseline/recognize-han.ts';
import { initNodeBackend } from '../../compute/node.ts';
import { CLASS_NAMES, type IrmasClass } from '../../corpus/classes.ts';
import { DiskFeatureCache, MODELS_DIR, resolveModelNode } from '../../features/node.ts';
import { recognize, type RecognitionResult } from '../../features/recognize.ts';
import { loadProbeDir } from '../../probes/io-node.ts';

export const DEFAULT_PROBE_DIR = path.join(MODELS_DIR, 'probe-default');

/** A probability in 4 characters: " .42", " 1.0". */
const prob2 = (p: number) => (p >= 0.995 ? ' 1.0' : p.toFixed(2).slice(1).padStart(4));

function formatText(file: string, r: RecognitionResult): string {
  const lines: string[] = [];
  const t = typeof r.threshold === 'number' ? r.threshold.toFixed(2) : 'per class';
  lines.push(`${file}: ${r.duration.toFixed(2)} s, ${r.windows.length} window${r.windows.length === 1 ? '' : 's'}; model ${r.model}; probe ${r.probe}; threshold ${t}`);
  const predicted = r.instruments.filter((i) => i.predicted).sort((a, b) => b.probability - a.probability);
  lines.push(`Predicted: ${predicted.map((i) => `${CLASS_NAMES[i.code as IrmasClass] ?? i.code} (${i.code}, ${i.probability.toFixed(2)})`).join(', ') || 'none'}`);
  lines.push('', 'code  instrument         probability  score  predicted');
  for (const i of [...r.instruments].sort((a, b) => b.probability - a.probability)) {
    lines.push(`${i.code.padEnd(4)}  ${(CLASS_NAMES[i.code as IrmasClass] ?? '').padEnd(17)}  ${i.probability.toFixed(3).padStart(11)}  ${i.score.toFixed(3).padStart(5)}  ${i.predicted ? 'yes' : ''}`);
  }
  const codes = r.instruments.map((i) => i.code);
  lines.push('', 'Timeline (probability per window)', `${'seconds'.padEnd(13)}  ${codes.map((c) => c.padStart(4)).join(' ')}`);
  for (const w of r.windows) {
    const span = `${w.start.toFixed(2)}-${w.end.toFixed(2)}`.padEnd(13);
    lines.push(`${span}  ${codes.map((c) => prob2(w.probabilities[c])).join(' ')}`);
  }
  return lines.join('\n');
}

export const recognizeCommand: Command = {
  name: 'recognize',
  summary: 'Predict the instruments in an audio file (probabilities and a per-window timeline) with a trained probe or a Han CNN',
  usage:
    'npx diffpir recognize <audio.wav|.mp3|.ogg|.flac> [--probe <dir> | --han <dir>] [--json] [--model <name|dir>] [--cache <dir>] [--backend wasm|cpu]\n' +
    '  --probe  a probe folder (probe.json + weights.bin; default models/probe-default, made by `npx diffpir train-probe`)\n' +
    '  --han    a Han et al. CNN folder instead (model.json + weights.bin, made by `npx diffpir train-baseline`; e.g. models/han-cnn-small)\n' +
    '  --model  the U-Net the probe reads (default: the one recorded in the probe; it must have the same weights)',
  async run(args) {
    const input = args.positional(0, 'audio file');
    const hanDir = args.str('han');
    if (hanDir !== undefined) {
      if (args.has('probe')) throw new LabError('--han and --probe are mutually exclusive: give a Han CNN folder or a probe folder, not both');
      if (args.has('model') || args.has('cache')) throw new LabError('--model and --cache apply to probes only; the Han CNN reads the log-mel itself');
      if (!existsSync(path.join(hanDir, 'model.json'))) {
        throw new LabError(`no Han CNN at ${hanDir} (model.json missing; made by \`npx diffpir train-baseline\`, e.g. models/han-cnn-small)`);
      }
    }
    const probeDir = args.str('probe') ?? DEFAULT_PROBE_DIR;
    if (hanDir === undefined && !existsSync(path.join(probeDir, 'probe.json'))) {
      throw new LabError(
        `no probe at ${probeDir} (probe.json missing)` +
          (args.has('probe') ? '' : '; the default probe is made by `npx diffpir train-probe ... --out models/probe-default`; or give --probe <dir>'),
      );
    }
    let bytes: Uint8Array;
    try {
      bytes = new Uint8Array(await readFile(input));
    } catch (e) {
      throw new LabError(`cannot read ${input}: ${(e as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (e as Error).message}`);
    }
    await initNodeBackend(args.str('backend'));
    const audio = await loadAudio16k(bytes, input);
    for (const w of audio.warnings) console.error(`warning: ${w}`);
    const print = (result: RecognitionResult) => console.log(args.bool('json') ? JSON.stringify(result) : formatText(input, result));
    if (hanDir !== undefined) {
      const han = await loadHanDir(hanDir);
      try {
        print(await recognizeHan(audio.samples, han, { hanName: hanDir }));
      } finally {
        han.dispose();
      }
      return;
    }
    const probe = await loadProbeDir(probeDir);
    try {
      const spec = probe.meta.featureSpec;
      const modelName = args.str('model') ?? (typeof spec.modelSpec === 'string' ? spec.modelSpec : spec.model);
      const model = await resolveModelNode(modelName);
      const cacheDir = args.str('cache');
      const result = await recognize(audio.samples, probe, model, {
        probeName: probeDir, cache: cacheDir ? new DiskFeatureCache(cacheDir) : undefined,
      });
      print(result);
    } finally {
      probe.dispose();
    }
  },
};

// `diffpir recognize`: the instruments of one or more audio files (or every audio file under a
// folder) with probabilities, a "not sure" verdict when no class is recognized with confidence,
// the top 3 and a per-window timeline, from a trained probe (default models/probe-default/) on
// its U-Net's features or, with --han, a Han et al. CNN; calibrated when the model folder has a
// calibration.json (`diffpir calibrate`), unless --uncalibrated. One result per file: text
// blocks, or with --json one JSON object per line. An unreadable file among several is reported
// and skipped (exit status 1 at the end); a single unreadable file fails at once.
// Pipelines: src/recognition (Recognizer, recognizeEach) over src/features/recognize.ts and
// src/baseline/recognize-han.ts.
import { existsSync, statSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Command } from '../command.ts';
import { fileProgress } from '../file-progress.ts';
import { formatRecognition } from '../format-recognition.ts';
import { loadAudio16k } from '../../audio/load.ts';
import { LabError } from '../../common/errors.ts';
import { initNodeBackend } from '../../compute/node.ts';
import { listAudioFiles, openRecognizer } from '../../recognition/node.ts';
import { recognizeEach } from '../../recognition/run-items.ts';

export { DEFAULT_PROBE_DIR } from '../../recognition/open-node.ts';

/** The files to recognize: each argument a file, or a folder (every audio file under it, sorted). */
export function expandInputs(inputs: readonly string[]): string[] {
  const files: string[] = [];
  for (const input of inputs) {
    if (!existsSync(input)) throw new LabError(`cannot read ${input}: no such file or folder`);
    if (statSync(input).isDirectory()) {
      const found = listAudioFiles(input);
      if (found.length === 0) throw new LabError(`${input}: no audio files (.wav .flac .ogg .mp3) in this folder`);
      files.push(...found.map((f) => path.join(input, f)));
    } else {
      files.push(input);
    }
  }
  return files;
}

export const recognizeCommand: Command = {
  name: 'recognize',
  summary: 'Predict the instruments in audio files (probabilities, "not sure", top 3, a per-window timeline) with a trained probe or a Han CNN',
  usage:
    'npx diffpir recognize <audio file|folder>... [--probe <dir> | --han <dir> | --combination <dir>] [--json] [--uncalibrated] [--model <name|dir>] [--cache <dir>] [--backend wasm|cpu]\n' +
    '  several files or folders at once: one result per file (--json: one JSON object per line, each with "file")\n' +
    '  --probe  a probe folder (probe.json + weights.bin; default models/probe-default, made by `npx diffpir train-probe`)\n' +
    '  --han    a Han et al. CNN folder instead (model.json + weights.bin, made by `npx diffpir train-baseline`; e.g. models/han-cnn-small)\n' +
    '  --combination  a combination folder instead (combination.json: probes and/or Han CNNs averaged, made by `npx diffpir combine`)\n' +
    '  --uncalibrated  ignore the folder\'s calibration.json (made by `npx diffpir calibrate`)\n' +
    '  --model  the U-Net the probe reads (default: the one recorded in the probe; it must have the same weights)',
  async run(args) {
    const inputs = args.parsed.positionals;
    if (inputs.length === 0) throw new LabError('missing audio file (give one or more files or folders)');
    const files = expandInputs(inputs);
    await initNodeBackend(args.str('backend'));
    const recognizer = await openRecognizer({
      probe: args.str('probe'), han: args.str('han'), combination: args.str('combination'), model: args.str('model'), cache: args.str('cache'), uncalibrated: args.bool('uncalibrated'),
    });
    try {
      const json = args.bool('json');
      const items = files.map((file) => ({
        name: file,
        samples16k: async () => {
          let bytes: Uint8Array;
          try {
            bytes = new Uint8Array(await readFile(file));
          } catch (e) {
            throw new LabError(`cannot read ${file}: ${(e as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (e as Error).message}`);
          }
          const audio = await loadAudio16k(bytes, file);
          for (const w of audio.warnings) console.error(`warning: ${file}: ${w}`);
          return audio.samples;
        },
      }));
      let first = true;
      const { skipped } = await recognizeEach(items, recognizer, (item, result) => {
        if (json) console.log(JSON.stringify({ file: item.name, ...result }));
        else console.log(`${first ? '' : '\n'}${formatRecognition(item.name, result)}`);
        first = false;
      }, {
        onProgress: fileProgress('recognize'),
        onSkip: (s) => {
          if (files.length > 1) console.error(`recognize: skipped ${s.name}: ${s.why}`);
        },
      });
      if (files.length === 1 && skipped.length === 1) throw new LabError(skipped[0].why);
      if (skipped.length) throw new LabError(`${skipped.length} of ${files.length} files could not be recognized (listed above); the others were`);
    } finally {
      recognizer.dispose();
    }
  },
};

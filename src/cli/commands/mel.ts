// `diffpir mel`: audio file (wav/mp3/ogg/flac, or .npy of 16 kHz samples) -> float32 [128, frames]
// .npy of the mel magnitude, or of the log-mel with --log. Same code as the app's front end.
import { readFile, writeFile } from 'node:fs/promises';
import type { Command } from '../command.ts';
import { LabError } from '../../common/errors.ts';
import { encodeNpy } from '../../common/npy.ts';
import { loadAudio16k, melSpectrogram, toLogMel } from '../../audio/index.ts';

export const melCommand: Command = {
  name: 'mel',
  summary: 'Compute the (log-)mel spectrogram of an audio file as a [128, frames] float32 .npy',
  usage: 'npx diffpir mel <audio.wav|.mp3|.ogg|.flac|.npy> --out <mel.npy> [--log]',
  async run(args) {
    const input = args.positional(0, 'input audio file');
    const out = args.requireStr('out');
    const log = args.bool('log');
    let bytes: Uint8Array;
    try {
      bytes = new Uint8Array(await readFile(input));
    } catch (e) {
      throw new LabError(`cannot read ${input}: ${(e as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (e as Error).message}`);
    }
    const t0 = performance.now();
    const audio = await loadAudio16k(bytes, input);
    const t1 = performance.now();
    const mel = melSpectrogram(audio.samples);
    const values = log ? toLogMel(mel.magnitude) : mel.magnitude;
    const t2 = performance.now();
    try {
      await writeFile(out, encodeNpy(values, [mel.nMels, mel.frames]));
    } catch (e) {
      throw new LabError(`cannot write ${out}: ${(e as Error).message}`);
    }
    for (const w of audio.warnings) console.error(`warning: ${w}`);
    console.log(
      `${input}: ${audio.format}, ${audio.originalSampleRate} Hz, ${audio.originalChannels} ch, ${audio.durationSec.toFixed(2)} s -> ` +
        `${out} [${mel.nMels}, ${mel.frames}] ${log ? 'log-mel' : 'mel magnitude'} ` +
        `(decode+resample ${(t1 - t0).toFixed(0)} ms, mel ${(t2 - t1).toFixed(0)} ms)`,
    );
  },
};

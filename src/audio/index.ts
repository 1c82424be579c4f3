// Public surface of the audio front end: decode (wav/mp3/ogg/flac/npy, by magic bytes),
// mono + band-limited resampling to 16 kHz, the fixture-exact log-mel, and a WAV writer.
// Same code in Node and the browser. Limits, messages and design: src/audio/README.md.
export { MEL_CONFIG, MAX_DURATION_SEC, MAX_FILE_BYTES, MIN_SAMPLES_16K, SILENCE_PEAK } from './config.ts';
export type { MelConfig } from './config.ts';
export type { AudioFormat, DecodedAudio, Audio16k, MelSpectrogram } from './types.ts';
export { decodeAudio, NPY_SAMPLE_RATE, type DecodeOptions } from './decode.ts';
export { sniffFormat } from './sniff.ts';
export { resample, RESAMPLER_DESIGN } from './resample.ts';
export { loadAudio16k, downmixToMono } from './load.ts';
export { melSpectrogram, logMel, toLogMel, melFrameCount, type MelOptions, type LogMelSpectrogram } from './mel.ts';
export { melFilterbank, buildMelFilterbank, hzToMelHtk, melToHzHtk, type MelFilterbank } from './mel-filterbank.ts';
export { encodeWav, type EncodeWavOptions } from './wav-encode.ts';
export { FftPlan } from './fft.ts';

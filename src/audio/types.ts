// Data shapes of the audio front end, shared by the decoders, the UI and the CLI.

export type AudioFormat = 'wav' | 'mp3' | 'ogg-vorbis' | 'flac' | 'npy' | 'webaudio';

/** Audio as decoded from a file: one Float32Array per channel, samples in [-1, 1]. */
export interface DecodedAudio {
  channels: Float32Array[];
  sampleRate: number;
  format: AudioFormat;
  /** Things the user should know that did not stop decoding (truncation, silence, ...). */
  warnings: string[];
}

/** Mono audio at 16 kHz, ready for the mel front end. */
export interface Audio16k {
  samples: Float32Array;
  sampleRate: 16000;
  originalSampleRate: number;
  originalChannels: number;
  durationSec: number;
  format: AudioFormat;
  warnings: string[];
}

/** A mel spectrogram, [nMels, frames] row-major (band-major), float32. */
export interface MelSpectrogram {
  magnitude: Float32Array;
  frames: number;
  nMels: 128;
}

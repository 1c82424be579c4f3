// Front-end constants: the log-mel settings of ../shared/fixtures/mel/config.json and the
// limits every audio input is checked against (same numbers in the app and the CLI).

/** The mel front end the U-Net was trained with (see ../shared/fixtures/mel/config.json). */
export const MEL_CONFIG = Object.freeze({
  sampleRate: 16000,
  nFft: 640,
  winLength: 640,
  hopLength: 320,
  nMels: 128,
  /** Reflect padding on each side, (nFft - hop) / 2; frames are not centred. */
  pad: 160,
  fMin: 0,
  fMax: 8000,
  /** log-mel = ln(max(mel, logFloor)). */
  logFloor: 1e-5,
});

export type MelConfig = typeof MEL_CONFIG;

/** Longest clip accepted, in seconds (10 minutes). Longer clips are refused, not truncated. */
export const MAX_DURATION_SEC = 600;

/** Largest input file accepted, in bytes (an uncompressed 10-minute 96 kHz stereo float WAV fits). */
export const MAX_FILE_BYTES = 512 * 1024 * 1024;

/** Sample rates outside this range are refused as implausible. */
export const MIN_SAMPLE_RATE = 1000;
export const MAX_SAMPLE_RATE = 768000;

/** Most channels accepted in one file. */
export const MAX_CHANNELS = 32;

/** A clip must give at least one mel frame: hop length samples at 16 kHz (20 ms). */
export const MIN_SAMPLES_16K = MEL_CONFIG.hopLength;

/** Peak amplitude at or below which a clip counts as silent (a warning, not an error). */
export const SILENCE_PEAK = 1e-4;

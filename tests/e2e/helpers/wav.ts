// Test audio made in the test itself: 16-bit PCM WAV bytes from tone lists, independent of
// the app's own WAV code so a bug there cannot hide.
export interface Tone {
  hz: number;
  amplitude: number;
}

export interface WavSpec {
  seconds: number;
  sampleRate?: number;
  channels?: number;
  tones?: Tone[];
}

export function pcm16Wav(frames: Int16Array[], sampleRate: number): Buffer {
  const channels = frames.length;
  const n = channels > 0 ? frames[0].length : 0;
  const data = n * channels * 2;
  const buf = Buffer.alloc(44 + data);
  buf.write('RIFF', 0, 'ascii');
  buf.writeUInt32LE(36 + data, 4);
  buf.write('WAVEfmt ', 8, 'ascii');
  buf.writeUInt32LE(16, 16);
  buf.writeUInt16LE(1, 20);
  buf.writeUInt16LE(channels, 22);
  buf.writeUInt32LE(sampleRate, 24);
  buf.writeUInt32LE(sampleRate * channels * 2, 28);
  buf.writeUInt16LE(channels * 2, 32);
  buf.writeUInt16LE(16, 34);
  buf.write('data', 36, 'ascii');
  buf.writeUInt32LE(data, 40);
  for (let i = 0; i < n; i++) for (let c = 0; c < channels; c++) buf.writeInt16LE(frames[c][i], 44 + (i * channels + c) * 2);
  return buf;
}

/** A WAV of summed sine tones (a few seconds of a chord by default), the same on every channel. */
export function toneWav({ seconds, sampleRate = 22050, channels = 1, tones = [{ hz: 220, amplitude: 0.3 }, { hz: 660, amplitude: 0.2 }, { hz: 1760, amplitude: 0.1 }] }: WavSpec): Buffer {
  const n = Math.round(seconds * sampleRate);
  const mono = new Int16Array(n);
  for (let i = 0; i < n; i++) {
    let s = 0;
    for (const t of tones) s += t.amplitude * Math.sin((2 * Math.PI * t.hz * i) / sampleRate);
    mono[i] = Math.round(Math.max(-1, Math.min(1, s)) * 32767);
  }
  return pcm16Wav(Array.from({ length: channels }, () => mono), sampleRate);
}

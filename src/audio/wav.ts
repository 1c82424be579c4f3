// Our own RIFF/WAVE reader: PCM 8/16/24/32-bit integer, IEEE float 32/64, WAVE_FORMAT_EXTENSIBLE
// and RF64. Truncated data is decoded as far as it goes (with a warning); a file cut before its
// samples, or an encoding we do not read, is a LabError naming the problem. Never throws anything else.
import { LabError } from '../common/errors.ts';
import { MAX_CHANNELS, MAX_DURATION_SEC } from './config.ts';
import type { DecodedAudio } from './types.ts';

const PCM = 1, FLOAT = 3, EXTENSIBLE = 0xfffe;
const TAG_NAMES: Record<number, string> = { 2: 'MS ADPCM', 6: 'A-law', 7: 'mu-law', 0x11: 'IMA ADPCM', 0x55: 'MPEG layer 3' };

interface WavFormat {
  tag: number;
  channels: number;
  sampleRate: number;
  bits: number;
  blockAlign: number;
}

const ascii = (b: Uint8Array, at: number) => String.fromCharCode(b[at], b[at + 1], b[at + 2], b[at + 3]);

function readFormat(view: DataView, at: number, size: number, name: string): WavFormat {
  if (size < 16) throw new LabError(`${name}: WAV fmt chunk is ${size} bytes, at least 16 are needed`);
  let tag = view.getUint16(at, true);
  const channels = view.getUint16(at + 2, true);
  const sampleRate = view.getUint32(at + 4, true);
  const blockAlign = view.getUint16(at + 12, true);
  const bits = view.getUint16(at + 14, true);
  if (tag === EXTENSIBLE) {
    if (size < 40) throw new LabError(`${name}: WAVE_FORMAT_EXTENSIBLE fmt chunk is ${size} bytes, 40 are needed`);
    tag = view.getUint16(at + 24, true); // first two bytes of the sub-format GUID
  }
  return { tag, channels, sampleRate, bits, blockAlign };
}

function checkFormat(f: WavFormat, name: string): void {
  const supported = (f.tag === PCM && [8, 16, 24, 32].includes(f.bits)) || (f.tag === FLOAT && (f.bits === 32 || f.bits === 64));
  if (!supported) {
    const what = f.tag === PCM ? `${f.bits}-bit PCM` : f.tag === FLOAT ? `${f.bits}-bit float` : `${TAG_NAMES[f.tag] ?? 'format tag ' + f.tag}`;
    throw new LabError(`${name}: WAV encoding ${what} is not supported (use 8/16/24/32-bit PCM or 32/64-bit float)`);
  }
  if (f.channels < 1 || f.channels > MAX_CHANNELS) throw new LabError(`${name}: WAV has ${f.channels} channels (1 to ${MAX_CHANNELS} supported)`);
  if (f.sampleRate < 1) throw new LabError(`${name}: WAV sample rate is ${f.sampleRate} Hz`);
}

/** Decodes a WAV file; `warnings` tells about truncation or stray bytes. */
export function decodeWav(bytes: Uint8Array, name: string): DecodedAudio {
  const warnings: string[] = [];
  if (bytes.length < 12) throw new LabError(`${name}: truncated WAV (${bytes.length} bytes, the header alone needs 44)`);
  const riff = ascii(bytes, 0);
  if (riff === 'RIFX') throw new LabError(`${name}: big-endian WAV (RIFX) is not supported`);
  if ((riff !== 'RIFF' && riff !== 'RF64') || ascii(bytes, 8) !== 'WAVE') throw new LabError(`${name}: not a RIFF/WAVE file`);
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let format: WavFormat | undefined;
  let dataStart = -1, dataBytes = 0, rf64DataSize = -1;
  for (let at = 12; at + 8 <= bytes.length; ) {
    const id = ascii(bytes, at);
    const size = view.getUint32(at + 4, true);
    const body = at + 8;
    const available = bytes.length - body;
    if (id === 'ds64' && available >= 16) {
      rf64DataSize = view.getUint32(body + 8, true) + view.getUint32(body + 12, true) * 2 ** 32;
    } else if (id === 'fmt ') {
      if (size > available) throw new LabError(`${name}: truncated WAV (file ends inside the fmt chunk)`);
      format = readFormat(view, body, size, name);
    } else if (id === 'data') {
      dataStart = body;
      const declared = riff === 'RF64' && size === 0xffffffff && rf64DataSize >= 0 ? rf64DataSize : size;
      if (declared > available) {
        if (declared !== 0xffffffff) warnings.push(`${name}: truncated WAV: data chunk declares ${declared} bytes but only ${available} are present; decoded what is there`);
        dataBytes = available;
      } else {
        dataBytes = declared;
      }
      if (format) break;
    }
    at = body + size + (size & 1);
  }
  if (!format) throw new LabError(`${name}: truncated or malformed WAV (no fmt chunk found)`);
  if (dataStart < 0) throw new LabError(`${name}: truncated or malformed WAV (no data chunk found)`);
  checkFormat(format, name);

  const bytesPerSample = format.bits / 8;
  const frameBytes = bytesPerSample * format.channels;
  if (format.blockAlign !== frameBytes) {
    warnings.push(`${name}: WAV block align ${format.blockAlign} does not match ${format.channels} x ${format.bits}-bit; using ${frameBytes}`);
  }
  const frames = Math.floor(dataBytes / frameBytes);
  const leftover = dataBytes - frames * frameBytes;
  if (leftover > 0) warnings.push(`${name}: WAV data ends mid-frame; ignored the last ${leftover} bytes`);
  if (frames === 0) throw new LabError(`${name}: WAV contains no samples (zero-length clip)`);
  const seconds = frames / format.sampleRate;
  if (seconds > MAX_DURATION_SEC) {
    throw new LabError(`${name}: clip is ${seconds.toFixed(1)} s long; the limit is ${MAX_DURATION_SEC} s (${MAX_DURATION_SEC / 60} minutes)`);
  }
  return { channels: deinterleave(view, dataStart, frames, format), sampleRate: format.sampleRate, format: 'wav', warnings };
}

function deinterleave(view: DataView, start: number, frames: number, f: WavFormat): Float32Array[] {
  const ch = f.channels;
  const step = f.bits / 8;
  const out = Array.from({ length: ch }, () => new Float32Array(frames));
  const read: (at: number) => number =
    f.tag === FLOAT
      ? f.bits === 32 ? (at) => view.getFloat32(at, true) : (at) => view.getFloat64(at, true)
      : f.bits === 8 ? (at) => (view.getUint8(at) - 128) / 128
      : f.bits === 16 ? (at) => view.getInt16(at, true) / 32768
      : f.bits === 24 ? (at) => ((view.getUint8(at) | (view.getUint8(at + 1) << 8) | (view.getInt8(at + 2) << 16)) / 8388608)
      : (at) => view.getInt32(at, true) / 2147483648;
  let at = start;
  for (let i = 0; i < frames; i++) {
    for (let c = 0; c < ch; c++, at += step) out[c][i] = read(at);
  }
  return out;
}

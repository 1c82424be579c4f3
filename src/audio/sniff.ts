// Recognizes an input by its first bytes (never by its file name): WAV, MP3, Ogg Vorbis,
// FLAC (native or in Ogg), NumPy .npy; and names common formats we do not read so the user
// gets a precise message instead of "could not decode".
import type { AudioFormat } from './types.ts';

export type Sniffed =
  | { kind: 'audio'; format: Exclude<AudioFormat, 'webaudio'> }
  | { kind: 'unsupported'; what: string }
  | { kind: 'unknown'; what: string };

const at = (b: Uint8Array, offset: number, text: string) =>
  b.length >= offset + text.length && [...text].every((c, i) => b[offset + i] === c.charCodeAt(0));

/** Bytes taken by an ID3v2 tag at the start, or 0. */
export function id3Length(b: Uint8Array): number {
  if (!at(b, 0, 'ID3')) return 0;
  if (b.length < 10) return b.length; // a tag cut short
  const size = ((b[6] & 0x7f) << 21) | ((b[7] & 0x7f) << 14) | ((b[8] & 0x7f) << 7) | (b[9] & 0x7f);
  return 10 + size + (b[5] & 0x10 ? 10 : 0);
}

/** True when bytes at `i` form a plausible MPEG audio (layer I/II/III) frame header. */
export function isMpegFrameHeader(b: Uint8Array, i: number): boolean {
  if (i + 4 > b.length || b[i] !== 0xff || (b[i + 1] & 0xe0) !== 0xe0) return false;
  const version = (b[i + 1] >> 3) & 3, layer = (b[i + 1] >> 1) & 3;
  const bitrate = b[i + 2] >> 4, rate = (b[i + 2] >> 2) & 3;
  return version !== 1 && layer !== 0 && bitrate !== 15 && rate !== 3;
}

const KNOWN_NON_AUDIO: [string, string][] = [
  ['\x89PNG', 'a PNG image'], ['\xff\xd8\xff', 'a JPEG image'], ['GIF8', 'a GIF image'], ['%PDF', 'a PDF document'],
  ['PK\x03\x04', 'a ZIP archive (or an Office document)'], ['\x1f\x8b', 'a gzip archive'], ['{', 'JSON text'], ['<', 'HTML or XML text'],
];

/** What the bytes look like, in words, for error messages (never the raw bytes themselves). */
export function describeStart(b: Uint8Array): string {
  const known = KNOWN_NON_AUDIO.find(([sig]) => at(b, 0, sig));
  if (known) return `it is ${known[1]}`;
  const head = b.subarray(0, 256);
  const text = head.length > 0 && [...head].every((c) => c === 9 || c === 10 || c === 13 || (c >= 0x20 && c < 0x7f) || c >= 0x80);
  return text ? 'it looks like text' : 'its first bytes match no audio format';
}

export function sniffFormat(b: Uint8Array): Sniffed {
  if (at(b, 0, '\x93NUMPY')) return { kind: 'audio', format: 'npy' };
  const riff = at(b, 0, 'RIFF') || at(b, 0, 'RF64') || at(b, 0, 'RIFX');
  // A RIFF file cut before its form type is most likely a truncated WAV: let the WAV reader say so.
  if (riff && (b.length < 12 || at(b, 8, 'WAVE'))) return { kind: 'audio', format: 'wav' };
  if (at(b, 0, 'OggS')) {
    const packet = 27 + (b[26] ?? 0);
    if (at(b, packet, '\x01vorbis')) return { kind: 'audio', format: 'ogg-vorbis' };
    if (at(b, packet, '\x7fFLAC')) return { kind: 'audio', format: 'flac' };
    if (at(b, packet, 'OpusHead')) return { kind: 'unsupported', what: 'Ogg Opus' };
    return { kind: 'unsupported', what: 'an Ogg stream that is neither Vorbis nor FLAC' };
  }
  const skip = id3Length(b);
  if (at(b, skip, 'fLaC')) return { kind: 'audio', format: 'flac' };
  if (isMpegFrameHeader(b, skip)) return { kind: 'audio', format: 'mp3' };
  // An ID3v2 tag (possibly padded, or cut short) is followed by MPEG audio; the decoder judges the rest.
  if (skip > 0) return { kind: 'audio', format: 'mp3' };
  if (at(b, 4, 'ftyp')) return { kind: 'unsupported', what: 'MP4/M4A (AAC or ALAC)' };
  if (at(b, 0, 'FORM') && (at(b, 8, 'AIFF') || at(b, 8, 'AIFC'))) return { kind: 'unsupported', what: 'AIFF' };
  if (b.length >= 2 && b[0] === 0xff && (b[1] & 0xf6) === 0xf0) return { kind: 'unsupported', what: 'AAC (ADTS)' };
  if (at(b, 0, '\x1aE\xdf\xa3')) return { kind: 'unsupported', what: 'WebM/Matroska' };
  if (at(b, 0, '.snd')) return { kind: 'unsupported', what: 'Sun/NeXT .au' };
  if (at(b, 0, 'RIFF')) return { kind: 'unsupported', what: `a RIFF file that is not WAVE (${String.fromCharCode(...b.subarray(8, 12))})` };
  return { kind: 'unknown', what: describeStart(b) };
}

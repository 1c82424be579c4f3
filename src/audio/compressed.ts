// MP3 (mpg123-decoder), Ogg Vorbis and FLAC (@wasm-audio-decoders): WebAssembly decoders that
// run unchanged in Node and in the browser. Loaded lazily so the app bundle only pays when a
// file needs them. Input is fed in slices so an over-long clip is refused early.
import { LabError } from '../common/errors.ts';
import { throwIfCancelled } from '../common/progress.ts';
import { MAX_DURATION_SEC } from './config.ts';
import { id3Length, isMpegFrameHeader } from './sniff.ts';
import type { DecodedAudio } from './types.ts';

export type CompressedFormat = 'mp3' | 'ogg-vorbis' | 'flac';

const LABEL: Record<CompressedFormat, string> = { mp3: 'MP3', 'ogg-vorbis': 'Ogg Vorbis', flac: 'FLAC' };
const SLICE_BYTES = 1 << 20;

interface Chunk {
  channelData: Float32Array[];
  samplesDecoded: number;
  sampleRate: number;
  errors: { message: string }[];
}

interface StreamDecoder {
  ready: Promise<void>;
  decode(data: Uint8Array): Chunk | Promise<Chunk>;
  flush?(): Promise<Chunk>;
  free(): void;
}

async function createDecoder(format: CompressedFormat): Promise<StreamDecoder> {
  if (format === 'mp3') {
    const { MPEGDecoder } = await import('mpg123-decoder');
    return new MPEGDecoder() as StreamDecoder;
  }
  if (format === 'ogg-vorbis') {
    const { OggVorbisDecoder } = await import('@wasm-audio-decoders/ogg-vorbis');
    return new OggVorbisDecoder() as StreamDecoder;
  }
  const { FLACDecoder } = await import('@wasm-audio-decoders/flac');
  return new FLACDecoder() as StreamDecoder;
}

class Collector {
  parts: Float32Array[][] = [];
  frames = 0;
  sampleRate = 0;
  errors: string[] = [];

  constructor(readonly name: string, readonly label: string) {}

  add(chunk: Chunk): void {
    for (const e of chunk.errors ?? []) this.errors.push(e.message);
    if (!chunk.samplesDecoded) return; // the decoders report a meaningless rate with empty chunks
    if (this.sampleRate && chunk.sampleRate !== this.sampleRate) {
      throw new LabError(`${this.name}: sample rate changes inside the ${this.label} stream (${this.sampleRate} -> ${chunk.sampleRate} Hz); not supported`);
    }
    if (this.parts.length && chunk.channelData.length !== this.parts[0].length) {
      throw new LabError(`${this.name}: channel count changes inside the ${this.label} stream; not supported`);
    }
    this.sampleRate = chunk.sampleRate;
    this.parts.push(chunk.channelData.map((c) => c.slice(0, chunk.samplesDecoded)));
    this.frames += chunk.samplesDecoded;
    const seconds = this.frames / this.sampleRate;
    if (seconds > MAX_DURATION_SEC) {
      throw new LabError(`${this.name}: clip is longer than the ${MAX_DURATION_SEC} s limit (${MAX_DURATION_SEC / 60} minutes); refused after decoding ${seconds.toFixed(0)} s`);
    }
  }

  channels(): Float32Array[] {
    const count = this.parts[0]?.length ?? 0;
    return Array.from({ length: count }, (_, c) => {
      const out = new Float32Array(this.frames);
      let at = 0;
      for (const part of this.parts) { out.set(part[c], at); at += part[c].length; }
      return out;
    });
  }
}

/**
 * The wasm decoders print each frame error with console.error and also return it; we report the
 * returned ones as one warning, so their own lines (and only those) are dropped while decoding.
 */
let muted = 0;
let originalError: typeof console.error | undefined;
function muteDecoderConsole(): () => void {
  if (muted++ === 0) {
    originalError = console.error;
    const passOn = originalError;
    console.error = (...args: unknown[]) => {
      const first = args[0];
      if (typeof first === 'string' && (first.startsWith('mpg123-decoder:') || first.startsWith('@wasm-audio-decoders/'))) return;
      passOn.apply(console, args);
    };
  }
  return () => {
    if (--muted === 0 && originalError) console.error = originalError;
  };
}

/** Decodes an MP3, Ogg Vorbis or FLAC file completely; decoder errors become warnings. */
export async function decodeCompressed(bytes: Uint8Array, format: CompressedFormat, name: string, signal?: AbortSignal): Promise<DecodedAudio> {
  const label = LABEL[format];
  let decoder: StreamDecoder;
  try {
    decoder = await createDecoder(format);
    await decoder.ready;
  } catch (e) {
    throw new LabError(`${name}: the ${label} decoder failed to start (${e instanceof Error ? e.message : String(e)})`);
  }
  const out = new Collector(name, label);
  const restoreConsole = muteDecoderConsole();
  try {
    for (let at = 0; at < bytes.length; at += SLICE_BYTES) {
      throwIfCancelled(signal, 'decoding');
      out.add(await decoder.decode(bytes.subarray(at, at + SLICE_BYTES)));
    }
    if (decoder.flush) out.add(await decoder.flush());
  } catch (e) {
    if (e instanceof LabError) throw e;
    throw new LabError(`${name}: the ${label} data could not be decoded (${e instanceof Error ? e.message : String(e)})`);
  } finally {
    restoreConsole();
    decoder.free();
  }
  if (out.frames === 0) {
    const why = out.errors.length ? `: ${out.errors[0]}` : '';
    throw new LabError(`${name}: no audio could be decoded from this ${label} file (empty, damaged or truncated${why})`);
  }
  let channels = out.channels();
  // mpg123 always outputs two channels; keep one when the stream itself is mono.
  if (format === 'mp3' && channels.length === 2 && mpegIsMono(bytes)) channels = [channels[0]];
  const warnings: string[] = [];
  if (out.errors.length) {
    warnings.push(`${name}: ${out.errors.length} ${label} frame(s) could not be decoded (first: ${out.errors[0]}); the file may be damaged or truncated`);
  }
  return { channels, sampleRate: out.sampleRate, format, warnings };
}

/** True when the first MPEG frame header (after any ID3v2 tag) has channel mode 3 (single channel). */
function mpegIsMono(b: Uint8Array): boolean {
  for (let i = id3Length(b); i < Math.min(b.length - 4, 1 << 20); i++) {
    if (isMpegFrameHeader(b, i)) return b[i + 3] >> 6 === 3;
  }
  return false;
}

// Lossy-codec round trip, the last stage of some recorded-recipe clips (recipe 3): the finished
// 16 kHz clip is encoded to MP3 (LAME, CBR) or Ogg Vorbis (libvorbis, low VBR quality) with the
// WebAssembly encoders of wasm-media-encoders and decoded back with src/audio's WebAssembly
// decoders, as music that went through a compressed file before reaching a dataset. Whether a
// clip gets it, and which codec, is drawn from the clip seed's own stream ("codec"), so no other
// draw of the plan moves. The decoder's leading delay is trimmed and the length kept, so the clip
// stays aligned with its plan. No Node APIs: the same code runs in the render worker (the
// encoders' WASM is inlined in their module, so nothing is fetched). Deterministic.
import { decodeCompressed } from '../audio/compressed.ts';
import { LabError } from '../common/errors.ts';
import { deriveSeed, Rng } from './prng.ts';

export type CodecName = 'mp3' | 'ogg-vorbis';

export interface CodecPlan {
  codec: CodecName;
  /** MP3: constant bitrate, kbit/s. */
  bitrate?: number;
  /** Ogg Vorbis: VBR quality (-1 worst .. 10). */
  quality?: number;
}

/** What the manifest records of a clip's codec stage. */
export interface CodecRecord {
  codec: CodecName;
  /** kbit/s: the CBR setting (MP3) or the encoded stream's average (Ogg Vorbis). */
  bitrate: number;
  /** Ogg Vorbis VBR quality. */
  quality?: number;
}

/** Share of recipe-3 clips that go through a codec. */
export const CODEC_SHARE = 0.2;
/** MP3 CBR rates at 16 kHz mono: 1-2 bits per sample, as 88-176 kbit/s stereo at 44.1 kHz. */
export const MP3_BITRATES = [16, 24, 32] as const;
/** Ogg Vorbis qualities drawn (uniform, one decimal): about 28-38 kbit/s at 16 kHz mono. */
export const OGG_QUALITY: readonly [number, number] = [-1, 2];
/**
 * Samples the MP3 round trip delays a clip by at 16 kHz: LAME's encoder delay (576) plus
 * mpg123's decoder delay (529); measured by cross-correlation and tested (render-codec.test.ts).
 * The Ogg Vorbis decoder trims its own pre-roll from the stream's granule positions.
 */
export const MP3_DELAY = 576 + 529;

/** The codec stage of a clip, or undefined for the ~80 % of clips without one. */
export function planCodec(clipSeed: number): CodecPlan | undefined {
  const rng = new Rng(deriveSeed(clipSeed, 'codec'));
  if (!rng.chance(CODEC_SHARE)) return undefined;
  if (rng.chance(0.6)) return { codec: 'mp3', bitrate: rng.pick(MP3_BITRATES) };
  return { codec: 'ogg-vorbis', quality: Math.round(rng.range(OGG_QUALITY[0], OGG_QUALITY[1]) * 10) / 10 };
}

type Encoder = Awaited<ReturnType<typeof import('wasm-media-encoders').createMp3Encoder>>;
type OggEncoder = Awaited<ReturnType<typeof import('wasm-media-encoders').createOggEncoder>>;

// One encoder of each kind per thread: compiling the WASM costs more than encoding a clip.
// configure() resets it, and configure/encode/finalize run without an await between them.
let mp3: Promise<Encoder> | undefined;
let ogg: Promise<OggEncoder> | undefined;

function join(a: Uint8Array, b: Uint8Array): Uint8Array {
  const out = new Uint8Array(a.length + b.length);
  out.set(a, 0);
  out.set(b, a.length);
  return out;
}

/** Encodes a mono clip; the bytes of a whole MP3 or Ogg Vorbis file. */
export async function encodeClip(x: Float32Array, plan: CodecPlan, rate: number): Promise<Uint8Array> {
  try {
    if (plan.codec === 'mp3') {
      mp3 ??= import('wasm-media-encoders').then((m) => m.createMp3Encoder());
      const enc = await mp3;
      enc.configure({ channels: 1, sampleRate: rate, bitrate: plan.bitrate as 16, outputSampleRate: rate as 16000 });
      return join(enc.encode([x]).slice(), enc.finalize().slice());
    }
    ogg ??= import('wasm-media-encoders').then((m) => m.createOggEncoder());
    const enc = await ogg;
    // A fixed stream serial number (the encoder draws one from Math.random otherwise).
    enc.configure({ channels: 1, sampleRate: rate, vbrQuality: plan.quality ?? 0, oggSerialNo: 1 });
    return join(enc.encode([x]).slice(), enc.finalize().slice());
  } catch (e) {
    if (plan.codec === 'mp3') mp3 = undefined;
    else ogg = undefined;
    throw new LabError(`${plan.codec} encoder failed (${e instanceof Error ? e.message : String(e)})`);
  }
}

/** The clip after an encode/decode round trip: same length, aligned, and the manifest's record. */
export async function applyCodec(x: Float32Array, plan: CodecPlan, rate: number, name = 'clip'): Promise<{ samples: Float32Array; record: CodecRecord }> {
  const bytes = await encodeClip(x, plan, rate);
  const decoded = await decodeCompressed(bytes, plan.codec, `${name} (${plan.codec} round trip)`);
  if (decoded.sampleRate !== rate) throw new LabError(`${name}: the ${plan.codec} round trip came back at ${decoded.sampleRate} Hz, not ${rate}`);
  if (decoded.warnings.length) throw new LabError(decoded.warnings[0]);
  const y = decoded.channels[0];
  const delay = plan.codec === 'mp3' ? MP3_DELAY : 0;
  // Trim the leading delay; past the decoded end (never seen) the clip would continue in silence.
  const samples = new Float32Array(x.length);
  samples.set(y.subarray(delay, Math.min(y.length, delay + x.length)));
  const kbps = (bytes.length * 8) / (x.length / rate) / 1000;
  const record: CodecRecord = plan.codec === 'mp3'
    ? { codec: 'mp3', bitrate: plan.bitrate! }
    : { codec: 'ogg-vorbis', bitrate: Math.round(kbps * 10) / 10, quality: plan.quality };
  return { samples, record };
}

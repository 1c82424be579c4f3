// setOggSerial: the CRC matches the one the encoder wrote (so the implementation is Ogg's), every
// page gets the serial, two encodes of the same audio become byte-identical, and the audio decodes.
import { describe, expect, it } from 'vitest';
import { oggCrc, serialFor, setOggSerial } from './ogg-serial.ts';

async function encode(x: Float32Array): Promise<Uint8Array> {
  const { createOggEncoder } = await import('wasm-media-encoders');
  const enc = await createOggEncoder();
  enc.configure({ channels: 1, sampleRate: 22050, vbrQuality: 2 });
  const a = enc.encode([x]).slice();
  const b = enc.finalize().slice();
  const out = new Uint8Array(a.length + b.length);
  out.set(a, 0);
  out.set(b, a.length);
  return out;
}

describe('Ogg serial numbers', () => {
  const tone = Float32Array.from({ length: 22050 }, (_, i) => 0.3 * Math.sin((2 * Math.PI * 440 * i) / 22050));
  it('recomputes CRCs the way the encoder wrote them', async () => {
    const ogg = await encode(tone);
    const view = new DataView(ogg.buffer, ogg.byteOffset);
    const segments = ogg[26];
    let body = 0;
    for (let i = 0; i < segments; i++) body += ogg[27 + i];
    const page = Uint8Array.from(ogg.subarray(0, 27 + segments + body));
    const written = view.getUint32(22, true);
    page.fill(0, 22, 26);
    expect(oggCrc(page)).toBe(written);
  });
  it('makes two encodes of the same audio byte-identical and keeps them decodable', async () => {
    const [a, b] = [await encode(tone), await encode(tone)];
    const serial = serialFor('lib/sample.wav');
    const fa = setOggSerial(a, serial);
    const fb = setOggSerial(b, serial);
    expect(Buffer.from(fa).equals(Buffer.from(fb))).toBe(true);
    const { OggVorbisDecoder } = await import('@wasm-audio-decoders/ogg-vorbis');
    const dec = new OggVorbisDecoder();
    await dec.ready;
    const r = await dec.decodeFile(fa);
    dec.free();
    expect(r.errors.length).toBe(0);
    expect(Math.abs(r.samplesDecoded - tone.length)).toBeLessThan(2048);
  });
  it('names a stream that is not Ogg', () => {
    expect(() => setOggSerial(new Uint8Array([1, 2, 3]), 1, 'x.bin')).toThrow(/x.bin: not an Ogg page/);
  });
});

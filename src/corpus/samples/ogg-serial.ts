// Ogg streams with a chosen bitstream serial number. The Vorbis encoder picks a random serial for
// every stream, so two builds of the same bank differed in bytes 14-17 of every page (and the page
// CRCs) although the audio was the same; the bank builder sets the serial from the sample's name so
// a build is byte-reproducible. Pure: rewrites the serial field and each page's CRC-32 (Ogg's
// polynomial 0x04c11db7, not reflected, computed with the CRC field zeroed).
import { LabError } from '../../common/errors.ts';

const TABLE = (() => {
  const t = new Uint32Array(256);
  for (let i = 0; i < 256; i++) {
    let r = i << 24;
    for (let j = 0; j < 8; j++) r = r & 0x80000000 ? (r << 1) ^ 0x04c11db7 : r << 1;
    t[i] = r >>> 0;
  }
  return t;
})();

export function oggCrc(bytes: Uint8Array): number {
  let crc = 0;
  for (let i = 0; i < bytes.length; i++) crc = ((crc << 8) ^ TABLE[((crc >>> 24) ^ bytes[i]) & 0xff]) >>> 0;
  return crc >>> 0;
}

/** A copy of `ogg` with every page's serial set to `serial` and its CRC recomputed. */
export function setOggSerial(ogg: Uint8Array, serial: number, where = 'ogg stream'): Uint8Array {
  const out = Uint8Array.from(ogg);
  const view = new DataView(out.buffer);
  let pos = 0;
  while (pos < out.length) {
    if (pos + 27 > out.length || out[pos] !== 0x4f || out[pos + 1] !== 0x67 || out[pos + 2] !== 0x67 || out[pos + 3] !== 0x53) {
      throw new LabError(`${where}: not an Ogg page at byte ${pos}`);
    }
    const segments = out[pos + 26];
    let body = 0;
    for (let i = 0; i < segments; i++) body += out[pos + 27 + i];
    const end = pos + 27 + segments + body;
    if (end > out.length) throw new LabError(`${where}: page at byte ${pos} runs past the end`);
    view.setUint32(pos + 14, serial >>> 0, true);
    view.setUint32(pos + 22, 0, true);
    view.setUint32(pos + 22, oggCrc(out.subarray(pos, end)), true);
    pos = end;
  }
  return out;
}

/** A stable serial for a sample name (FNV-1a). */
export function serialFor(name: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < name.length; i++) h = Math.imul(h ^ name.charCodeAt(i), 0x01000193) >>> 0;
  return h >>> 0;
}

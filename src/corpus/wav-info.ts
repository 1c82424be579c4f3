// Reads a WAV file's format and length from its first bytes (no decoding), so importers can
// record durations without reading whole datasets. Undefined when the bytes are not a WAV.

export interface WavInfo {
  sampleRate: number;
  channels: number;
  /** Seconds, from the data chunk size (0 when the header was cut before it). */
  duration: number;
}

export function wavInfo(head: Uint8Array, fileSize = head.length): WavInfo | undefined {
  if (head.length < 12) return undefined;
  const view = new DataView(head.buffer, head.byteOffset, head.byteLength);
  const tag = (at: number) => String.fromCharCode(head[at], head[at + 1], head[at + 2], head[at + 3]);
  if (tag(0) !== 'RIFF' || tag(8) !== 'WAVE') return undefined;
  let at = 12;
  let sampleRate = 0, channels = 0, blockAlign = 0;
  while (at + 8 <= head.length) {
    const id = tag(at);
    const size = view.getUint32(at + 4, true);
    if (id === 'fmt ' && at + 24 <= head.length) {
      channels = view.getUint16(at + 10, true);
      sampleRate = view.getUint32(at + 12, true);
      blockAlign = view.getUint16(at + 20, true);
    } else if (id === 'data') {
      if (!sampleRate || !blockAlign) return undefined;
      const bytes = Math.min(size, Math.max(0, fileSize - (at + 8)));
      return { sampleRate, channels, duration: bytes / blockAlign / sampleRate };
    }
    at += 8 + size + (size & 1);
  }
  return sampleRate ? { sampleRate, channels, duration: 0 } : undefined;
}

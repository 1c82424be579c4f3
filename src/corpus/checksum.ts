// Content checksum of rendered clips (for determinism tests and resumable renders):
// two independent 32-bit lanes over the bytes, printed as 16 hex digits. Sync, no crypto API.

export function checksumBytes(bytes: Uint8Array): string {
  let a = 0x811c9dc5;
  let b = 0x9e3779b9 ^ bytes.length;
  for (let i = 0; i < bytes.length; i++) {
    const x = bytes[i];
    a = Math.imul(a ^ x, 0x01000193);
    b = Math.imul(b ^ (x + (i & 0xff)), 0x5bd1e995);
    b ^= b >>> 15;
  }
  a ^= a >>> 16;
  a = Math.imul(a, 0x85ebca6b);
  a ^= a >>> 13;
  b ^= b >>> 13;
  b = Math.imul(b, 0xc2b2ae35);
  b ^= b >>> 16;
  return (a >>> 0).toString(16).padStart(8, '0') + (b >>> 0).toString(16).padStart(8, '0');
}

export function checksumSamples(samples: Float32Array): string {
  return checksumBytes(new Uint8Array(samples.buffer, samples.byteOffset, samples.byteLength));
}

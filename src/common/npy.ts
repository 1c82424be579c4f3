// NumPy .npy (version 1.0/2.0) reader and writer for little-endian float32 / float64 / int32 arrays,
// C order. Used by the CLI (mel, taps) and by the fixture parity tests.
import { LabError } from './errors.ts';

export interface NpyArray {
  shape: number[];
  data: Float32Array;
}

const MAGIC = [0x93, 0x4e, 0x55, 0x4d, 0x50, 0x59]; // \x93NUMPY

/** Parses a .npy buffer; float64 and int32 data are converted to float32. */
export function parseNpy(bytes: Uint8Array, name = 'npy file'): NpyArray {
  if (bytes.length < 10 || MAGIC.some((b, i) => bytes[i] !== b)) {
    throw new LabError(`${name}: not a .npy file (bad magic bytes)`);
  }
  const major = bytes[6];
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const headerLen = major === 1 ? view.getUint16(8, true) : view.getUint32(8, true);
  const headerStart = major === 1 ? 10 : 12;
  if (headerStart + headerLen > bytes.length) throw new LabError(`${name}: header runs past end of file`);
  const header = new TextDecoder().decode(bytes.subarray(headerStart, headerStart + headerLen));
  const descr = /'descr':\s*'([^']+)'/.exec(header)?.[1];
  const fortran = /'fortran_order':\s*(True|False)/.exec(header)?.[1];
  const shapeText = /'shape':\s*\(([^)]*)\)/.exec(header)?.[1];
  if (!descr || !fortran || shapeText === undefined) throw new LabError(`${name}: unreadable .npy header`);
  if (fortran === 'True') throw new LabError(`${name}: Fortran-order arrays are not supported`);
  const shape = shapeText.split(',').map((s) => s.trim()).filter((s) => s.length > 0).map(Number);
  const count = shape.reduce((a, b) => a * b, 1);
  const offset = headerStart + headerLen;
  const width: Record<string, number> = { '<f4': 4, '<f8': 8, '<i4': 4, '<i8': 8, '|u1': 1 };
  const w = width[descr];
  if (!w) throw new LabError(`${name}: dtype ${descr} is not supported (use float32)`);
  if (offset + count * w > bytes.length) {
    throw new LabError(`${name}: data is truncated (shape [${shape}] needs ${count * w} bytes)`);
  }
  const out = new Float32Array(count);
  const dv = new DataView(bytes.buffer, bytes.byteOffset + offset, count * w);
  for (let i = 0; i < count; i++) {
    switch (descr) {
      case '<f4': out[i] = dv.getFloat32(i * 4, true); break;
      case '<f8': out[i] = dv.getFloat64(i * 8, true); break;
      case '<i4': out[i] = dv.getInt32(i * 4, true); break;
      case '<i8': out[i] = Number(dv.getBigInt64(i * 8, true)); break;
      default: out[i] = dv.getUint8(i);
    }
  }
  return { shape, data: out };
}

/** Serialises a float32 array as a version 1.0 .npy file. */
export function encodeNpy(data: Float32Array, shape: readonly number[]): Uint8Array {
  const count = shape.reduce((a, b) => a * b, 1);
  if (count !== data.length) throw new LabError(`npy: shape [${shape}] does not match ${data.length} values`);
  const shapeText = shape.length === 1 ? `${shape[0]},` : shape.join(', ');
  let header = `{'descr': '<f4', 'fortran_order': False, 'shape': (${shapeText}), }`;
  const total = 10 + header.length + 1;
  header += ' '.repeat((64 - (total % 64)) % 64) + '\n';
  const out = new Uint8Array(10 + header.length + data.length * 4);
  out.set(MAGIC, 0);
  out[6] = 1;
  out[7] = 0;
  new DataView(out.buffer).setUint16(8, header.length, true);
  out.set(new TextEncoder().encode(header), 10);
  const body = new DataView(out.buffer, 10 + header.length);
  for (let i = 0; i < data.length; i++) body.setFloat32(i * 4, data[i], true);
  return out;
}

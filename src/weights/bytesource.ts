// Random-access byte sources: the safetensors reader and the model loader read through this,
// one tensor (or one shard) at a time, so a large file never has to sit in memory whole.
// Browser-safe: in-memory bytes and Blob/File; the Node file source lives in bytesource-node.ts.
import { LabError } from '../common/errors.ts';

export interface ByteSource {
  /** Total size in bytes. */
  readonly size: number;
  /** A name for error messages (file name or URL). */
  readonly name: string;
  /**
   * Exactly `length` bytes starting at `offset` (callers keep 0 <= offset, offset + length <= size).
   * The reader may keep a returned array that spans its whole buffer: return fresh memory or a view.
   */
  read(offset: number, length: number): Promise<Uint8Array>;
}

/** Throws a LabError unless [offset, offset + length) lies inside the source. */
export function checkRange(source: ByteSource, offset: number, length: number): void {
  if (!Number.isSafeInteger(offset) || !Number.isSafeInteger(length) || offset < 0 || length < 0 || offset + length > source.size) {
    throw new LabError(`${source.name}: read of ${length} bytes at offset ${offset} is outside the file (${source.size} bytes)`);
  }
}

/** Throws a LabError when a read came back short (the file changed or was cut while reading). */
export function checkReadLength(source: ByteSource, got: number, wanted: number, offset: number): void {
  if (got !== wanted) {
    throw new LabError(`${source.name}: read ${got} bytes at offset ${offset}, expected ${wanted} (was the file changed while reading?)`);
  }
}

/** A source over bytes already in memory (tests, fetched files). Reads return views, not copies. */
export function bytesSource(bytes: Uint8Array, name = 'buffer'): ByteSource {
  const source: ByteSource = {
    size: bytes.length,
    name,
    async read(offset, length) {
      checkRange(source, offset, length);
      return bytes.subarray(offset, offset + length);
    },
  };
  return source;
}

/** A source over a browser File or Blob, read slice by slice. */
export function blobSource(blob: Blob, name = (blob as File).name ?? 'blob'): ByteSource {
  const source: ByteSource = {
    size: blob.size,
    name,
    async read(offset, length) {
      checkRange(source, offset, length);
      const out = new Uint8Array(await blob.slice(offset, offset + length).arrayBuffer());
      checkReadLength(source, out.length, length, offset);
      return out;
    },
  };
  return source;
}

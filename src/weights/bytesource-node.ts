// Node file source for ByteSource: reads ranges through a file handle, never the whole file.
import { open, type FileHandle } from 'node:fs/promises';
import path from 'node:path';
import { LabError } from '../common/errors.ts';
import { checkRange, checkReadLength, type ByteSource } from './bytesource.ts';

export interface FileByteSource extends ByteSource {
  close(): Promise<void>;
}

/** Opens `file` for random-access reads; call close() when done (withFileSource does it for you). */
export async function openFileSource(file: string): Promise<FileByteSource> {
  let handle: FileHandle;
  try {
    handle = await open(file, 'r');
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw new LabError(code === 'ENOENT' ? `${file}: no such file` : `${file}: cannot open (${code ?? String(e)})`);
  }
  const stat = await handle.stat();
  if (!stat.isFile()) {
    await handle.close();
    throw new LabError(`${file}: not a regular file`);
  }
  const source: FileByteSource = {
    size: stat.size,
    name: path.basename(file),
    async read(offset, length) {
      checkRange(source, offset, length);
      const out = new Uint8Array(length);
      let done = 0;
      while (done < length) {
        const { bytesRead } = await handle.read(out, done, length - done, offset + done);
        if (bytesRead === 0) break;
        done += bytesRead;
      }
      checkReadLength(source, done, length, offset);
      return out;
    },
    close: () => handle.close(),
  };
  return source;
}

/** Runs `fn` with an open file source and closes it afterwards, also on error. */
export async function withFileSource<T>(file: string, fn: (source: ByteSource) => Promise<T>): Promise<T> {
  const source = await openFileSource(file);
  try {
    return await fn(source);
  } finally {
    await source.close();
  }
}

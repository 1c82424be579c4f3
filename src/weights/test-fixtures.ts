// Test helpers: paths of the shared PyTorch fixtures (../shared/fixtures from the repo root),
// failing loudly when they are missing, and a ByteSource that counts what is asked of it.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { bytesSource, checkRange, type ByteSource } from './bytesource.ts';

export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export { SHARED_FIXTURES as FIXTURES } from '../common/testing/shared-fixtures.ts';
import { SHARED_FIXTURES as FIXTURES } from '../common/testing/shared-fixtures.ts';

/** Absolute path of a fixture file; throws (the test fails, it is not skipped) if missing. */
export function fixturePath(...parts: string[]): string {
  const p = path.join(FIXTURES, ...parts);
  if (!existsSync(p)) throw new Error(`fixture missing: ${p} (the weights tests need ../shared/fixtures)`);
  return p;
}

export function fixtureBytes(...parts: string[]): Uint8Array {
  return new Uint8Array(readFileSync(fixturePath(...parts)));
}

export function fixtureConfigJson(name: 'unet-2d' | 'unet-1d'): unknown {
  return JSON.parse(readFileSync(fixturePath(name, 'config.json'), 'utf8'));
}

/** A ByteSource over segments laid end to end (a corrupted file without copying the original). */
export function segmentsSource(segments: readonly Uint8Array[], name = 'test.safetensors'): ByteSource {
  const starts: number[] = [];
  let size = 0;
  for (const s of segments) {
    starts.push(size);
    size += s.length;
  }
  const source: ByteSource = {
    size,
    name,
    async read(offset, length) {
      checkRange(source, offset, length);
      let i = starts.findIndex((st, j) => offset >= st && offset < st + segments[j].length);
      if (i < 0 || offset + length <= starts[i] + segments[i].length) {
        return i < 0 ? new Uint8Array(0) : segments[i].subarray(offset - starts[i], offset - starts[i] + length);
      }
      const out = new Uint8Array(length);
      for (let done = 0; done < length; i++) {
        const from = offset + done - starts[i];
        const n = Math.min(length - done, segments[i].length - from);
        out.set(segments[i].subarray(from, from + n), done);
        done += n;
      }
      return out;
    },
  };
  return source;
}

/** A ByteSource that records every read (count, total bytes, largest read). */
export function countingSource(bytesOrSource: Uint8Array | ByteSource, name = 'test.safetensors'): ByteSource & { reads: number; bytesRead: number; largestRead: number } {
  const inner = bytesOrSource instanceof Uint8Array ? bytesSource(bytesOrSource, name) : bytesOrSource;
  const counter = {
    size: inner.size,
    name: inner.name,
    reads: 0,
    bytesRead: 0,
    largestRead: 0,
    async read(offset: number, length: number) {
      counter.reads++;
      counter.bytesRead += length;
      counter.largestRead = Math.max(counter.largestRead, length);
      return inner.read(offset, length);
    },
  };
  return counter;
}

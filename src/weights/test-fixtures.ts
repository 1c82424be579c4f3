// Test helpers: paths of the shared PyTorch fixtures (../shared/fixtures from the repo root),
// failing loudly when they are missing, and a ByteSource that counts what is asked of it.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { bytesSource, type ByteSource } from './bytesource.ts';

export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const FIXTURES = path.resolve(REPO_ROOT, '../shared/fixtures');

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

/** A ByteSource over `bytes` that records every read (count, total bytes, largest read). */
export function countingSource(bytes: Uint8Array, name = 'test.safetensors'): ByteSource & { reads: number; bytesRead: number; largestRead: number } {
  const inner = bytesSource(bytes, name);
  const counter = {
    size: inner.size,
    name,
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

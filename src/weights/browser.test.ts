// browser.ts stays free of Node modules (the app's worker imports it), and the Blob source reads
// a checkpoint exactly like the in-memory one.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { blobSource, bytesSource, readSafetensors } from './browser.ts';
import { fixtureBytes } from './test-fixtures.ts';

/** Every module reachable from `file` through relative imports, with its bare imports. */
function importGraph(file: string, seen = new Map<string, string[]>()): Map<string, string[]> {
  if (seen.has(file)) return seen;
  const text = readFileSync(file, 'utf8');
  const specs = [...text.matchAll(/^(?:import|export)[^'"]*from\s+'([^']+)'/gm)].map((m) => m[1]);
  seen.set(file, specs.filter((s) => !s.startsWith('.')));
  for (const s of specs.filter((x) => x.startsWith('.'))) importGraph(path.resolve(path.dirname(file), s), seen);
  return seen;
}

describe('browser entry point', () => {
  it('imports no Node built-ins, directly or through its modules', () => {
    const graph = importGraph(path.join(path.dirname(fileURLToPath(import.meta.url)), 'browser.ts'));
    expect(graph.size).toBeGreaterThan(10);
    const nodeImports = [...graph].flatMap(([f, bare]) => bare.filter((b) => b.startsWith('node:') || ['fs', 'path', 'os'].includes(b)).map((b) => `${f}: ${b}`));
    expect(nodeImports).toEqual([]);
  });

  it('blobSource (a dropped File) reads the fixture like the in-memory source', async () => {
    const bytes = fixtureBytes('unet-2d', 'weights.safetensors');
    const fromBlob = await readSafetensors(blobSource(new File([bytes.slice()], 'dropped.safetensors')));
    const fromBytes = await readSafetensors(bytesSource(bytes));
    expect(fromBlob.tensors.size).toBe(200);
    const buf = (a: Float32Array) => Buffer.from(a.buffer, a.byteOffset, a.byteLength);
    for (const [k, t] of fromBytes.tensors) expect(Buffer.compare(buf(fromBlob.tensors.get(k)!.data), buf(t.data)), k).toBe(0);
    await expect(readSafetensors(blobSource(new Blob([bytes.slice(0, 1000)]), 'cut.safetensors'))).rejects.toThrow(/^cut.safetensors: header length \d+ bytes runs past the end of the file/);
  });
});

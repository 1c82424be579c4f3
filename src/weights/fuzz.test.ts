// Seeded random corruptions of the 2-D fixture checkpoint: every one must end in a LabError naming
// the file, or succeed when harmless (data-region flips: NaN warnings allowed), quickly, and
// without asking the source for more bytes than the file holds.
import { describe, expect, it } from 'vitest';
import { LabError } from '../common/errors.ts';
import { readSafetensors } from './read.ts';
import { countingSource, fixtureBytes, segmentsSource } from './test-fixtures.ts';

const NAME = 'fuzz.safetensors';
const CASES = 360;
const PER_CASE_MS = 2000;

function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type Outcome = 'error' | 'ok' | 'either';
interface Mutation { kind: string; file: Uint8Array[]; expect: Outcome }

const original = fixtureBytes('unet-2d', 'weights.safetensors');
const headerLength = Number(new DataView(original.buffer).getBigUint64(0, true));
const headerText = new TextDecoder().decode(original.subarray(8, 8 + headerLength));
const data = original.subarray(8 + headerLength);

/** A corrupted file as segments: a new length + header, then the original data (not copied). */
function withHeader(text: string): Uint8Array[] {
  const h = new TextEncoder().encode(text);
  const head = new Uint8Array(8 + h.length);
  new DataView(head.buffer).setBigUint64(0, BigInt(h.length), true);
  head.set(h, 8);
  return [head, data];
}
const headerCopy = () => original.slice(0, 8 + headerLength);

function mutate(rand: () => number): Mutation {
  const int = (n: number) => Math.floor(rand() * n);
  const pick = <T,>(xs: readonly T[]): T => xs[int(xs.length)];
  const header = JSON.parse(headerText) as Record<string, Record<string, unknown>>;
  const names = Object.keys(header).filter((k) => k !== '__metadata__');
  const entry = () => header[pick(names)];
  const kind = pick(['headerFlip', 'truncate', 'lengthRewrite', 'offsets', 'json', 'json', 'dataFlip', 'append'] as const);
  if (kind === 'headerFlip') {
    const head = headerCopy();
    for (let i = 0, n = 1 + int(4); i < n; i++) head[int(8 + headerLength)] = int(256);
    return { kind, file: [head, data], expect: 'either' };
  }
  if (kind === 'truncate') return { kind, file: [original.subarray(0, int(original.length))], expect: 'error' };
  if (kind === 'lengthRewrite') {
    const file = headerCopy();
    const v = pick([0n, 1n, 2n, BigInt(int(headerLength)), BigInt(headerLength + 1 + int(64)), BigInt(original.length), BigInt(original.length - 8), (1n << 32n) + BigInt(headerLength), 1n << 63n, BigInt(int(2 ** 31)) * BigInt(int(2 ** 31))]);
    new DataView(file.buffer).setBigUint64(0, v, true);
    return { kind, file: [file, data], expect: v === BigInt(headerLength) ? 'ok' : 'error' };
  }
  if (kind === 'offsets') {
    const e = entry();
    const [b, end] = e.data_offsets as number[];
    const other = entry().data_offsets as number[];
    e.data_offsets = pick([[end, b], [b + 4, end + 4], [b - 4, end], [b, end + 4 * (1 + int(8))], [0, data.length + 4], other, [-1, end], [b + 0.5, end], [b, 2 ** 60], [b], 'x', null]);
    return { kind, file: withHeader(JSON.stringify(header)), expect: 'either' };
  }
  if (kind === 'json') {
    const e = entry();
    const shape = e.shape as number[];
    const edit = int(12);
    if (edit === 0) e.shape = [...shape.slice(0, -1), (shape.at(-1) ?? 1) + pick([-1, 1, 7])];
    else if (edit === 1) e.shape = pick([[-1], [1.5], ['4'], [2 ** 40, 2 ** 40], [...shape, 1], shape.slice(1), {}, 5]);
    else if (edit === 2) e.dtype = pick(['F16', 'BF16', 'F64', 'I64', 'U8', 'BOOL', 'F8_E4M3', 'XX', '', 7, null]);
    else if (edit === 3) delete header[pick(names)];
    else if (edit === 4) header[`net.extra.${int(100)}`] = { dtype: 'F32', shape: [1], data_offsets: [int(data.length), int(data.length) + 4] };
    else if (edit === 5) header.__metadata__ = pick([{ format: 3 }, [], 'pt', { a: 'b' }]) as Record<string, unknown>;
    else if (edit === 6) header[pick(names)] = pick([null, 3, 'x', [], { dtype: 'F32' }]) as Record<string, unknown>;
    else if (edit === 7) {
      const victim = pick(names);
      const text = JSON.stringify(header).replace(`"${pick(names)}"`, `"${victim}"`);
      return { kind: 'json-duplicate', file: withHeader(text), expect: 'error' };
    } else if (edit === 8) return { kind: 'json-array', file: withHeader(JSON.stringify(Object.values(header))), expect: 'error' };
    else if (edit === 9) {
      const text = JSON.stringify(header);
      return { kind: 'json-cut', file: withHeader(text.slice(0, int(text.length))), expect: 'error' };
    } else if (edit === 10) {
      const k = pick(names);
      header[k.replace(/^net\./, 'other.')] = header[k];
      delete header[k];
    } else {
      return { kind: 'json-padded', file: withHeader(JSON.stringify(header) + ' '.repeat(int(9))), expect: 'ok' };
    }
    return { kind, file: withHeader(JSON.stringify(header)), expect: 'either' };
  }
  if (kind === 'dataFlip') {
    const at = [...new Set(Array.from({ length: 1 + int(16) }, () => 8 + headerLength + int(data.length)))].sort((a, b) => a - b);
    const file: Uint8Array[] = [];
    let from = 0;
    for (const p of at) {
      file.push(original.subarray(from, p), Uint8Array.of(int(256)));
      from = p + 1;
    }
    file.push(original.subarray(from));
    return { kind, file, expect: 'ok' };
  }
  return { kind, file: [original, new Uint8Array(1 + int(64))], expect: 'error' };
}

describe('fuzzing the reader with corrupted fixture files', () => {
  it(`${CASES} seeded corruptions: each a LabError or a harmless success, fast, within the file size`, async () => {
    const rand = mulberry32(20240611);
    const tally: Record<string, { ok: number; error: number }> = {};
    for (let i = 0; i < CASES; i++) {
      const m = mutate(rand);
      const source = countingSource(segmentsSource(m.file, NAME));
      const size = source.size;
      const t0 = performance.now();
      let outcome: 'ok' | 'error';
      let outBytes = 0;
      try {
        const { tensors } = await readSafetensors(source, { layout: 'torch' });
        for (const t of tensors.values()) outBytes += t.data.byteLength;
        outcome = 'ok';
      } catch (e) {
        if (!(e instanceof LabError)) throw new Error(`case ${i} (${m.kind}): not a LabError: ${String(e)}`);
        expect(e.message.startsWith(`${NAME}: `), `case ${i} (${m.kind}): "${e.message}"`).toBe(true);
        if (process.env.FUZZ_VERBOSE) console.log(m.kind, e.message.slice(0, 160));
        outcome = 'error';
      }
      const ms = performance.now() - t0;
      expect(ms, `case ${i} (${m.kind}) took ${ms} ms`).toBeLessThan(PER_CASE_MS);
      if (m.expect !== 'either') expect(outcome, `case ${i} (${m.kind})`).toBe(m.expect);
      expect(source.bytesRead, `case ${i} (${m.kind}) read more than the file`).toBeLessThanOrEqual(size);
      expect(outBytes, `case ${i} (${m.kind}) produced more than the file`).toBeLessThanOrEqual(size);
      (tally[m.kind] ??= { ok: 0, error: 0 })[outcome]++;
    }
    if (process.env.FUZZ_VERBOSE) console.log(JSON.stringify(tally));
    // Every kind of corruption was exercised, and both outcomes occurred.
    const kinds = Object.keys(tally);
    expect(kinds.length).toBeGreaterThanOrEqual(8);
    expect(Object.values(tally).some((t) => t.ok > 0)).toBe(true);
    expect(Object.values(tally).reduce((s, t) => s + t.error, 0)).toBeGreaterThan(CASES / 2);
  });
});

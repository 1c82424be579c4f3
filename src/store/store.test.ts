// Browser stores on the in-memory twin of IndexedDB: user model import (a fixture checkpoint
// converted, a config mismatch named by key, a folder stored as is, a full quota keeping the
// models stored before), uploads, and the built-in corpus rendered with resume and a full quota.
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { SHARED_FIXTURES } from '../common/testing/shared-fixtures.ts';
import { loadBankNode } from '../corpus/bank-node.ts';
import { loadSampleBankNode } from '../corpus/samples/bank-node.ts';
import { loadModelFiles } from '../weights/model-files.ts';
import { builtinCorpusId, CorpusStore } from './corpus-store.ts';
import { importModelFiles } from './import-model.ts';
import { MemoryStore } from './kv.ts';
import { UserModelStore } from './model-store.ts';
import { isQuotaError } from './quota.ts';
import { renderBuiltinCorpus } from './render-builtin.ts';
import { UploadStore } from './upload-store.ts';
import { melThumbnail } from './thumbnail.ts';

const FIXTURE = path.join(SHARED_FIXTURES, 'unet-2d');
const blob = (bytes: Uint8Array | string) => new Blob([typeof bytes === 'string' ? bytes : new Uint8Array(bytes)]);
const fixtureFiles = () => {
  const config = JSON.parse(readFileSync(path.join(FIXTURE, 'config.json'), 'utf8'));
  return {
    ckpt: { path: 'weights.safetensors', file: blob(readFileSync(path.join(FIXTURE, 'weights.safetensors'))) },
    config: { path: 'config.json', file: blob(JSON.stringify({ unet: config.unet, name: 'fixture-2d' })) },
    unet: config.unet as Record<string, unknown>,
  };
};

describe('user models', () => {
  it('converts a checkpoint + config, stores it, loads it back; a folder import stores it as is', async () => {
    const store = new UserModelStore(new MemoryStore());
    const { ckpt, config } = fixtureFiles();
    const stages: string[] = [];
    const r = await importModelFiles([ckpt, config], store, { onProgress: (p) => stages.push(p.stage) });
    expect(r.converted).toBe(true);
    expect(r.info.name).toBe('fixture-2d');
    expect(stages).toContain('converting weights');
    const listed = await store.list();
    expect(listed.map((m) => m.id)).toEqual([r.info.id]);
    const loaded = await loadModelFiles(store.files(listed[0]));
    expect(loaded.config.channels).toEqual([8, 16, 32, 64]);
    expect(loaded.weights.size).toBe(r.tensors);

    const files = await Promise.all(r.info.files.map(async (f) => ({ path: `mine/${f}`, file: blob(await store.files(r.info).read(f)) })));
    const again = await importModelFiles(files, store);
    expect(again.converted).toBe(false);
    expect(again.info.files.sort()).toEqual(r.info.files.sort());
    expect((await store.list()).length).toBe(2);
  });

  it('names a config mismatch by key, a missing config and a non-model', async () => {
    const store = new UserModelStore(new MemoryStore());
    const { ckpt, unet } = fixtureFiles();
    const wrong = { path: 'config.json', file: blob(JSON.stringify({ unet: { ...unet, channels: [8, 16, 32, 128] } })) };
    await expect(importModelFiles([ckpt, wrong], store)).rejects.toThrow(/channels|blocks\./);
    await expect(importModelFiles([ckpt], store)).rejects.toThrow(/needs its config\.json/);
    await expect(importModelFiles([{ path: 'notes.txt', file: blob('hello') }], store)).rejects.toThrow(/no model\.json and no \.safetensors/);
    await expect(importModelFiles([{ path: 'x/model.json', file: blob('{') }], store)).rejects.toThrow(/model\.json: not valid JSON/);
    expect(await store.list()).toEqual([]);
  });

  it('a full quota keeps the models stored before and leaves no half model', async () => {
    const { ckpt, config } = fixtureFiles();
    const size = (await importModelFiles([ckpt, config], new UserModelStore(new MemoryStore()))).info.bytes;
    const kv = new MemoryStore(size * 1.5);
    const store = new UserModelStore(kv);
    const first = await importModelFiles([ckpt, config], store);
    const keysBefore = await kv.keys();
    const err = await importModelFiles([ckpt, config], store).catch((e) => e);
    expect(isQuotaError(err)).toBe(true);
    expect(err.message).toMatch(/browser storage is full.*Everything stored before is kept/);
    expect((await store.list()).map((m) => m.id)).toEqual([first.info.id]);
    expect(await kv.keys()).toEqual(keysBefore);
  });
});

describe('uploads', () => {
  it('stores a file once under a content key', async () => {
    const s = new UploadStore(new MemoryStore());
    const a = await s.put('a.wav', new Uint8Array([1, 2, 3]));
    const b = await s.put('b.wav', new Uint8Array([1, 2, 3]));
    expect(a.key).toMatch(/^[0-9a-f]{16}$/);
    expect(b.name).toBe('a.wav');
    expect((await s.list()).length).toBe(1);
    await expect(s.get('0000000000000000')).rejects.toThrow(/not stored in this browser/);
  });
});

describe('mel thumbnails', () => {
  it('max-pools to the requested size over an 80 dB window', () => {
    const logMel = new Float32Array(128 * 10).fill(Math.log(1e-5));
    logMel[127 * 10 + 9] = 0; // top band, last frame: the peak
    const t = melThumbnail(logMel, 128, 10, 32, 5);
    expect([t.bands, t.columns]).toEqual([32, 5]);
    expect(t.levels[31 * 5 + 4]).toBe(255);
    expect(t.levels[0]).toBe(0);
  });
});

describe('built-in corpus in browser storage', () => {
  const loadBank = (n: Parameters<typeof loadBankNode>[0]) => loadBankNode(n);
  const sampleBank = async () => loadSampleBankNode();
  const only = (id: string) => id === 'train-cla-0001' || id === 'train-flu-0001';

  it('renders clip by clip, stops on a full quota keeping what is stored, and resumes', async () => {
    const kv = new MemoryStore(150_000); // room for one 3 s clip (96 kB) and the manifest
    const store = new CorpusStore(kv);
    const err = await renderBuiltinCorpus({ preset: 'tiny', seed: 1, store, loadBank, sampleBank, only }).catch((e) => e);
    expect(isQuotaError(err)).toBe(true);
    const id = builtinCorpusId('tiny', 1);
    const kept = await store.manifest(id);
    expect(kept?.clips.map((c) => c.id)).toEqual(['train-cla-0001']);
    expect(await store.readFile(id, kept!.clips[0].file)).toBeInstanceOf(Uint8Array);

    const roomy = new CorpusStore(new MemoryStore());
    for (const k of await kv.keys()) await roomy.kv.set(k, await kv.get(k));
    const progress: string[] = [];
    const r = await renderBuiltinCorpus({ preset: 'tiny', seed: 1, store: roomy, loadBank, sampleBank, only, onProgress: (p) => progress.push(p.detail ?? '') });
    expect(r.reused).toBe(1);
    expect(r.rendered).toBe(1);
    expect(progress).toContain('train-cla-0001 (kept)');
    expect(r.manifest.clips.map((c) => c.id)).toEqual(['train-cla-0001', 'train-flu-0001']);
    expect(r.planned).toBe(58);
    const { record, bytes } = await roomy.clip(id, 'train-flu-0001');
    expect(record.labels).toEqual(['flu']);
    expect(bytes.length).toBeGreaterThan(90_000);
    await expect(roomy.clip(id, 'nope')).rejects.toThrow(/has no clip "nope"/);
    expect((await roomy.list()).map((c) => c.id)).toEqual([id]);
    await roomy.delete(id);
    expect(await roomy.kv.keys()).toEqual([]);
  }, 60_000);
});

// Renders a planned corpus into a storage "sink" (files in Node, IndexedDB in the browser),
// resumably: a clip whose stored bytes still match the checksum recorded in the previous
// manifest (same seed, version and arrangement) is kept, not rendered again. Clips may render
// concurrently (worker pools supply `renderer`); the manifest keeps plan order. Progress per
// clip; cancellation between clips (the manifest of what is done is saved first).
import { encodeWav } from '../audio/wav-encode.ts';
import { throwIfCancelled, type JobOptions } from '../common/progress.ts';
import type { ClipSpec } from './arrange-clip.ts';
import type { LoadedBank } from './bank.ts';
import { checksumBytes } from './checksum.ts';
import { makeManifest } from './manifest.ts';
import { arrangeSpec, type Preset } from './plan.ts';
import { hashString } from './prng.ts';
import { renderClip, sourcesNeeded, type ClipSources } from './render.ts';
import { applyCodec, type CodecRecord } from './render-codec.ts';
import type { ClipPlan } from './arrange-types.ts';
import type { LoadedSampleBank } from './samples/bank-load.ts';
import { LabError } from '../common/errors.ts';
import { CORPUS_SAMPLE_RATE, type BankName, type ClipRecord, type CorpusManifest, type PartRecord } from './types.ts';

export interface CorpusSink {
  /** Bytes stored under `file`, or undefined. */
  read(file: string): Promise<Uint8Array | undefined>;
  write(file: string, bytes: Uint8Array): Promise<void>;
  saveManifest(manifest: CorpusManifest): Promise<void>;
}

export type WavEncoding = 'pcm16' | 'float32';

/** Renders one clip to wav bytes (locally, or in a worker), with its part records and codec stage. */
export type ClipRenderer = (spec: ClipSpec) => Promise<{ bytes: Uint8Array; parts: PartRecord[]; codec?: CodecRecord }>;

/** Where a renderer gets its sounds: SoundFont banks by name, and (recorded recipe) the packed sample bank. */
export interface SoundLoaders {
  loadBank: (name: BankName) => Promise<LoadedBank>;
  /** The packed recorded bank; needed only by recipe-2 clips. */
  sampleBank?: () => Promise<LoadedSampleBank>;
}

/** Loads everything a plan plays from. */
export async function loadClipSources(plan: ClipPlan, loaders: SoundLoaders): Promise<ClipSources> {
  const need = sourcesNeeded(plan);
  const banks = new Map(await Promise.all(need.banks.map(async (b) => [b, await loaders.loadBank(b)] as const)));
  if (need.instruments.length === 0) return { banks, instruments: new Map() };
  if (!loaders.sampleBank) throw new LabError(`clip ${plan.id} plays recorded samples (${need.instruments.join(', ')}) but no sample bank was given`);
  const sb = await loaders.sampleBank();
  const instruments = new Map(await Promise.all(need.instruments.map(async (id) => [id, await sb.instrument(id)] as const)));
  return { banks, instruments, sampleSet: (id) => (sb.has(id) ? sb.info(id).sampleSet : undefined) };
}

export function localRenderer(load: ((name: BankName) => Promise<LoadedBank>) | SoundLoaders, encoding: WavEncoding = 'pcm16'): ClipRenderer {
  const loaders: SoundLoaders = typeof load === 'function' ? { loadBank: load } : load;
  return async (spec) => {
    const plan = arrangeSpec(spec);
    const r = renderClip(plan, await loadClipSources(plan, loaders));
    const parts = r.parts.map(({ measuredDb: _m, signal: _s, ...rest }) => rest);
    if (!plan.codec) return { bytes: encodeWav(r.samples, CORPUS_SAMPLE_RATE, { encoding }), parts };
    // Recipe 3: the finished clip through a lossy codec and back (its last stage).
    const coded = await applyCodec(r.samples, plan.codec, CORPUS_SAMPLE_RATE, spec.id);
    return { bytes: encodeWav(coded.samples, CORPUS_SAMPLE_RATE, { encoding }), parts, codec: coded.record };
  };
}

export interface RenderCorpusCoreOptions extends JobOptions {
  preset: Preset;
  seed: number;
  sink: CorpusSink;
  renderer: ClipRenderer;
  /** Clips rendering at once (default 1). */
  concurrency?: number;
  /** The manifest found in the output before this run, if any (for resuming). */
  previous?: CorpusManifest;
  /** Save the manifest after this many newly rendered clips (default 25). */
  saveEvery?: number;
}

export interface RenderCorpusResult {
  manifest: CorpusManifest;
  rendered: number;
  reused: number;
  /** Wall seconds of this run and audio seconds rendered (for real-time factors). */
  renderSeconds: number;
  audioSeconds: number;
}

export const clipFile = (spec: ClipSpec) => `${spec.split}/${spec.id}.wav`;

function sameSpec(a: ClipRecord, spec: ClipSpec): boolean {
  return a.file === clipFile(spec) && a.bank === spec.bank && a.duration === spec.duration && a.labels.join() === spec.labels.join();
}

export async function renderCorpusCore(specs: ClipSpec[], opts: RenderCorpusCoreOptions): Promise<RenderCorpusResult> {
  const prev = opts.previous;
  const reusable = prev && prev.version === opts.preset.recipe && prev.seed === opts.seed && prev.source === 'rendered'
    ? new Map(prev.clips.map((c) => [c.id, c]))
    : new Map<string, ClipRecord>();
  const results: (ClipRecord | undefined)[] = new Array(specs.length);
  const stats = { rendered: 0, reused: 0, audioSeconds: 0 };
  const t0 = performance.now();
  const manifest = () =>
    makeManifest('rendered', results.filter((c): c is ClipRecord => c !== undefined), [], { preset: opts.preset.name, seed: opts.seed, version: opts.preset.recipe, created: new Date().toISOString() });
  let next = 0, done = 0, sinceSave = 0;

  async function one(i: number): Promise<void> {
    const spec = specs[i];
    const plan = arrangeSpec(spec);
    const planHash = hashString(JSON.stringify(plan)).toString(16).padStart(8, '0');
    const old = reusable.get(spec.id);
    if (old?.checksum && old.planHash === planHash && sameSpec(old, spec)) {
      const stored = await opts.sink.read(old.file);
      if (stored && checksumBytes(stored) === old.checksum) {
        results[i] = old;
        stats.reused++;
        opts.onProgress?.({ stage: 'rendering clips', done: ++done, total: specs.length, detail: `${spec.id} (kept)` });
        return;
      }
    }
    const { bytes, parts, codec } = await opts.renderer(spec);
    await opts.sink.write(clipFile(spec), bytes);
    results[i] = {
      id: spec.id, file: clipFile(spec), split: spec.split, labels: spec.labels.slice(), duration: spec.duration,
      sampleRate: CORPUS_SAMPLE_RATE, bank: spec.bank, parts, ...(codec ? { codec } : {}), checksum: checksumBytes(bytes), planHash, meta: plan.meta,
    };
    stats.rendered++;
    stats.audioSeconds += spec.duration;
    opts.onProgress?.({ stage: 'rendering clips', done: ++done, total: specs.length, detail: spec.id });
    if (++sinceSave >= (opts.saveEvery ?? 25)) {
      sinceSave = 0;
      await opts.sink.saveManifest(manifest());
    }
  }

  async function lane(): Promise<void> {
    while (next < specs.length) {
      throwIfCancelled(opts.signal, 'corpus rendering');
      await one(next++);
    }
  }

  const lanes = await Promise.allSettled(Array.from({ length: Math.max(1, opts.concurrency ?? 1) }, lane));
  await opts.sink.saveManifest(manifest());
  const failed = lanes.find((l): l is PromiseRejectedResult => l.status === 'rejected');
  if (failed) throw failed.reason;
  return { manifest: manifest(), ...stats, renderSeconds: (performance.now() - t0) / 1000 };
}

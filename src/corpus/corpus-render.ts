// Renders a planned corpus clip by clip into a storage "sink" (files in Node, IndexedDB in the
// browser), resumably: a clip whose stored bytes still match the checksum recorded in the
// previous manifest (same seed, same version, same plan) is kept, not rendered again.
// Progress per clip; cancellation between clips (the manifest of what is done is saved first).
import { encodeWav } from '../audio/wav-encode.ts';
import { throwIfCancelled, type JobOptions } from '../common/progress.ts';
import type { ClipSpec } from './arrange-clip.ts';
import type { LoadedBank } from './bank.ts';
import { checksumBytes } from './checksum.ts';
import { makeManifest } from './manifest.ts';
import { arrangeSpec, type Preset } from './plan.ts';
import { hashString } from './prng.ts';
import { renderClip } from './render.ts';
import { CORPUS_SAMPLE_RATE, CORPUS_VERSION, type BankName, type ClipRecord, type CorpusManifest } from './types.ts';

export interface CorpusSink {
  /** Bytes stored under `file`, or undefined. */
  read(file: string): Promise<Uint8Array | undefined>;
  write(file: string, bytes: Uint8Array): Promise<void>;
  saveManifest(manifest: CorpusManifest): Promise<void>;
}

export interface RenderCorpusCoreOptions extends JobOptions {
  preset: Preset;
  seed: number;
  loadBank: (name: BankName) => Promise<LoadedBank>;
  sink: CorpusSink;
  /** The manifest found in the output before this run, if any (for resuming). */
  previous?: CorpusManifest;
  /** 'pcm16' (default, as IRMAS) or 'float32' wav files. */
  encoding?: 'pcm16' | 'float32';
  /** Save the manifest after this many newly rendered clips (default 25). */
  saveEvery?: number;
}

export interface RenderCorpusResult {
  manifest: CorpusManifest;
  rendered: number;
  reused: number;
  /** Seconds spent rendering and audio seconds rendered (for real-time factors). */
  renderSeconds: number;
  audioSeconds: number;
}

export const clipFile = (spec: ClipSpec) => `${spec.split}/${spec.id}.wav`;

function sameSpec(a: ClipRecord, spec: ClipSpec): boolean {
  return a.file === clipFile(spec) && a.bank === spec.bank && a.duration === spec.duration && a.labels.join() === spec.labels.join();
}

export async function renderCorpusCore(specs: ClipSpec[], opts: RenderCorpusCoreOptions): Promise<RenderCorpusResult> {
  const prev = opts.previous;
  const reusable = prev && prev.version === CORPUS_VERSION && prev.seed === opts.seed && prev.source === 'rendered'
    ? new Map(prev.clips.map((c) => [c.id, c]))
    : new Map<string, ClipRecord>();
  const clips: ClipRecord[] = [];
  const result = { rendered: 0, reused: 0, renderSeconds: 0, audioSeconds: 0 };
  const manifest = () => makeManifest('rendered', clips.slice(), [], { preset: opts.preset.name, seed: opts.seed, created: new Date().toISOString() });
  let sinceSave = 0;
  try {
    for (let i = 0; i < specs.length; i++) {
      throwIfCancelled(opts.signal, 'corpus rendering');
      const spec = specs[i];
      const old = reusable.get(spec.id);
      const plan = arrangeSpec(spec);
      const planHash = hashString(JSON.stringify(plan)).toString(16).padStart(8, '0');
      if (old?.checksum && old.planHash === planHash && sameSpec(old, spec)) {
        const stored = await opts.sink.read(old.file);
        if (stored && checksumBytes(stored) === old.checksum) {
          clips.push(old);
          result.reused++;
          opts.onProgress?.({ stage: 'rendering clips', done: i + 1, total: specs.length, detail: `${spec.id} (kept)` });
          continue;
        }
      }
      const bank = await opts.loadBank(spec.bank);
      const t0 = performance.now();
      const r = renderClip(plan, bank);
      const bytes = encodeWav(r.samples, CORPUS_SAMPLE_RATE, { encoding: opts.encoding ?? 'pcm16' });
      result.renderSeconds += (performance.now() - t0) / 1000;
      result.audioSeconds += spec.duration;
      await opts.sink.write(clipFile(spec), bytes);
      clips.push({
        id: spec.id,
        file: clipFile(spec),
        split: spec.split,
        labels: spec.labels.slice(),
        duration: spec.duration,
        sampleRate: CORPUS_SAMPLE_RATE,
        bank: spec.bank,
        parts: r.parts.map(({ class: cls, role, program, preset, gainDb, labelled }) => ({ class: cls, role, program, preset, gainDb, labelled })),
        checksum: checksumBytes(bytes),
        planHash,
        meta: plan.meta,
      });
      result.rendered++;
      opts.onProgress?.({ stage: 'rendering clips', done: i + 1, total: specs.length, detail: spec.id });
      if (++sinceSave >= (opts.saveEvery ?? 25)) {
        await opts.sink.saveManifest(manifest());
        sinceSave = 0;
      }
    }
  } finally {
    await opts.sink.saveManifest(manifest());
  }
  return { manifest: manifest(), ...result };
}

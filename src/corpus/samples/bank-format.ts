// The packed sample bank: recorded instrument samples chosen by `diffpir bank build`, lossy
// (Ogg Vorbis) and concatenated per source library into one .bin, indexed by bank.json. The
// index holds every instrument's regions (SFZ semantics) and, per sample, its byte range and
// provenance. Parsing checks every field so a damaged or foreign file gives a clear error.
import { LabError } from '../../common/errors.ts';
import { isIrmasClass, type IrmasClass } from '../classes.ts';
import type { SfzRegion } from './sfz-region.ts';

export const SAMPLE_BANK_FORMAT = 'diffpir-sample-bank';
export const SAMPLE_BANK_VERSION = 1;

export interface LibraryInfo {
  /** Short id used in instrument ids and the manifest (e.g. "vcsl"). */
  id: string;
  name: string;
  /** Where the copy came from: "owner/repo" and the commit it was read at. */
  repo: string;
  commit: string;
  licence: string;
  attribution: string;
  /** Packed samples of this library. */
  bin: string;
}

export interface PackedSample {
  /** Key used by regions' `sample`. */
  name: string;
  library: string;
  /** Path of the original file inside the library. */
  origin: string;
  offset: number;
  length: number;
  /** Decoded frames at bank.sampleRate. */
  frames: number;
}

export interface PackedInstrument {
  /** "<library>:<name>", unique in the bank. */
  id: string;
  class: IrmasClass | 'bass' | 'drums';
  library: string;
  /** The library's own name for it (folder or .sfz file). */
  name: string;
  /** The sample set taken (velocity layers, round robins, mic), for the manifest. */
  sampleSet: string;
  regions: SfzRegion[];
}

export interface SampleBankIndex {
  format: typeof SAMPLE_BANK_FORMAT;
  version: number;
  name: string;
  sampleRate: number;
  codec: 'ogg-vorbis';
  libraries: LibraryInfo[];
  instruments: PackedInstrument[];
  samples: PackedSample[];
}

function fail(what: string): never {
  throw new LabError(`sample bank index: ${what}`);
}

export function parseBankIndex(text: string, name = 'bank.json'): SampleBankIndex {
  let j: unknown;
  try {
    j = JSON.parse(text);
  } catch (e) {
    throw new LabError(`${name}: not JSON (${e instanceof Error ? e.message : String(e)})`);
  }
  const o = j as Partial<SampleBankIndex>;
  if (!o || o.format !== SAMPLE_BANK_FORMAT) fail(`${name} is not a ${SAMPLE_BANK_FORMAT} file`);
  if (o.version !== SAMPLE_BANK_VERSION) fail(`${name} has version ${o.version}, this lab reads ${SAMPLE_BANK_VERSION}`);
  if (!(typeof o.sampleRate === 'number' && o.sampleRate >= 8000 && o.sampleRate <= 96000)) fail(`bad sampleRate ${o.sampleRate}`);
  if (o.codec !== 'ogg-vorbis') fail(`unknown codec ${o.codec}`);
  if (!Array.isArray(o.libraries) || !Array.isArray(o.instruments) || !Array.isArray(o.samples)) fail('libraries, instruments and samples must be arrays');
  const libs = new Set(o.libraries.map((l) => l.id));
  const samples = new Set<string>();
  for (const s of o.samples) {
    if (!libs.has(s.library)) fail(`sample ${s.name} names unknown library ${s.library}`);
    if (!(Number.isInteger(s.offset) && s.offset >= 0 && Number.isInteger(s.length) && s.length > 0)) fail(`sample ${s.name} has a bad byte range`);
    samples.add(s.name);
  }
  for (const inst of o.instruments) {
    if (!(isIrmasClass(inst.class) || inst.class === 'bass' || inst.class === 'drums')) fail(`instrument ${inst.id} has unknown class ${inst.class}`);
    if (!libs.has(inst.library)) fail(`instrument ${inst.id} names unknown library ${inst.library}`);
    if (!Array.isArray(inst.regions) || inst.regions.length === 0) fail(`instrument ${inst.id} has no regions`);
    for (const r of inst.regions) if (!samples.has(r.sample)) fail(`instrument ${inst.id} plays missing sample ${r.sample}`);
  }
  return o as SampleBankIndex;
}

// Types of the bank recipe (bank-spec.ts): which libraries and which of their instruments the
// packed bank holds, how much of each is kept (pitch step, velocity layers, round robins,
// seconds), and whether an instrument feeds training/validation or the held-out test split.
import type { IrmasClass } from '../classes.ts';

export interface LibrarySpec {
  id: string;
  name: string;
  /** "owner/repo" of the public repository the copy is fetched from, or "npm:<package>@<version>" for a registry package. */
  repo: string;
  licence: 'CC0-1.0' | 'CC-BY-3.0' | 'CC-BY-4.0' | 'public-domain';
  /** Text for PROVENANCE.md and the Data page. */
  attribution: string;
  /** Where the licence is stated inside the repository. */
  licenceFile: string;
}

export type SourceRole = 'train' | 'test';

export interface InstrumentSpec {
  library: string;
  /** Short name, unique within the library; the instrument id is "<library>:<name>". */
  name: string;
  class: IrmasClass | 'bass' | 'drums';
  role: SourceRole;
  /** An .sfz file inside the library ... */
  sfz?: string;
  /** Resolve the sfz's sample paths from this folder instead of the sfz's own (for files meant to be #included elsewhere). */
  sampleRoot?: string;
  /** ... or a folder of one file per note named like A4.mp3, As4.mp3, Db4.wav (tonejs-instruments style). */
  notes?: { dir: string; ext: string };
  /** Keep every n-th pitch centre (default 1: all). */
  keyStep?: number;
  /** Velocity layers kept, spread over the range (default 2). */
  maxLayers?: number;
  /** Round robins kept per key and layer (default 2). */
  maxRoundRobins?: number;
  /** Seconds kept of each sample (default 4). */
  maxSeconds?: number;
  /** Only regions whose pitch centre lies in this range. */
  keyRange?: [number, number];
  /** dB added to every region (to even out libraries' levels; the renderer sets levels by RMS anyway). */
  gainDb?: number;
}

export interface BankSpec {
  name: string;
  sampleRate: number;
  /** Vorbis VBR quality (-1..10). */
  quality: number;
  libraries: LibrarySpec[];
  instruments: InstrumentSpec[];
}

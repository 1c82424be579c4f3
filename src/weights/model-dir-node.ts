// Model directories on disk (Node): file provider for loading, and a writer that replaces a
// previous model in place (model.json removed first and written last; stale shards removed).
import { mkdir, readFile, readdir, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { LabError } from '../common/errors.ts';
import type { JobOptions } from '../common/progress.ts';
import type { UNetConfig } from '../unet/config.ts';
import type { ByteSource } from './bytesource.ts';
import { checkWeightsAgainstConfig } from './check.ts';
import { convertToModelFiles, writeModelFiles, type ConvertOptions, type ConvertResult } from './convert.ts';
import { MODEL_JSON, isSafeShardName } from './manifest.ts';
import type { ShardSink } from './manifest-writer.ts';
import { loadModelFiles, type LoadedModel, type ModelFiles } from './model-files.ts';
import type { NamedWeights } from './types.ts';

const SHARD_FILE = /^group\d+-shard\d+of\d+\.bin$/;

/** Files of a model directory on disk. */
export function nodeDirFiles(dir: string): ModelFiles {
  const resolve = (file: string) => {
    if (!isSafeShardName(file)) throw new LabError(`${dir}: "${file}" is not a plain file name`);
    return path.join(dir, file);
  };
  const missing = (file: string, e: unknown): never => {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') {
      throw new LabError(file === MODEL_JSON ? `${dir}: no ${MODEL_JSON} (not a model directory?)` : `${dir}: ${file} is missing`);
    }
    throw new LabError(`${dir}/${file}: cannot read (${code ?? String(e)})`);
  };
  return {
    name: dir,
    async read(file) {
      try {
        return new Uint8Array(await readFile(resolve(file)));
      } catch (e) {
        if (e instanceof LabError) throw e;
        return missing(file, e);
      }
    },
    async size(file) {
      try {
        return (await stat(resolve(file))).size;
      } catch (e) {
        if (e instanceof LabError) throw e;
        return missing(file, e);
      }
    },
  };
}

/** Loads a model directory and checks its weights against its config.json. */
export async function loadModelDir(dir: string, opts: JobOptions = {}): Promise<LoadedModel> {
  return loadModelFiles(nodeDirFiles(dir), opts);
}

/** Prepares `dir` for a new model: creates it, removes an old model.json. Returns the sink and a cleanup. */
async function openDirSink(dir: string): Promise<{ sink: ShardSink; removeStale: (keep: string[]) => Promise<void> }> {
  try {
    await mkdir(dir, { recursive: true });
  } catch (e) {
    throw new LabError(`${dir}: cannot create the output directory (${(e as NodeJS.ErrnoException).code ?? String(e)})`);
  }
  await rm(path.join(dir, MODEL_JSON), { force: true });
  const sink: ShardSink = async (file, bytes) => {
    try {
      await writeFile(path.join(dir, file), bytes);
    } catch (e) {
      throw new LabError(`${dir}/${file}: cannot write (${(e as NodeJS.ErrnoException).code ?? String(e)})`);
    }
  };
  const removeStale = async (keep: string[]) => {
    for (const f of await readdir(dir)) if (SHARD_FILE.test(f) && !keep.includes(f)) await rm(path.join(dir, f), { force: true });
  };
  return { sink, removeStale };
}

/** Writes in-memory weights (TF.js layout) and the config as a model directory. */
export async function writeModelDir(dir: string, weights: NamedWeights, config: UNetConfig, opts: Omit<ConvertOptions, 'onProgress' | 'signal'> = {}): Promise<ConvertResult> {
  checkWeightsAgainstConfig(weights, config);
  const { sink, removeStale } = await openDirSink(dir);
  const result = await writeModelFiles(weights, config, sink, opts);
  await removeStale(result.modelJson.weightsManifest[0].paths);
  return result;
}

/** Converts a safetensors checkpoint into a model directory (streaming; see convert.ts). */
export async function convertCheckpoint(source: ByteSource, config: UNetConfig, outDir: string, opts: ConvertOptions = {}): Promise<ConvertResult> {
  const { sink, removeStale } = await openDirSink(outDir);
  const result = await convertToModelFiles(source, config, sink, opts);
  await removeStale(result.modelJson.weightsManifest[0].paths);
  return result;
}

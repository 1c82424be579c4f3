// The weights part's entry point for Node (CLI, tests, benches): everything in ./browser.ts plus
// file access. Browser code must import ./browser.ts instead (this file pulls in node:fs).
import { LabError } from '../common/errors.ts';
import type { JobOptions } from '../common/progress.ts';
import type { UNetConfig } from '../unet/config.ts';
import { withFileSource } from './bytesource-node.ts';
import { checkWeightsAgainstConfig } from './check.ts';
import { loadModelDir } from './model-dir-node.ts';
import { readSafetensors } from './read.ts';
import type { NamedWeights } from './types.ts';
import { stat } from 'node:fs/promises';

export * from './browser.ts';
export { openFileSource, withFileSource, type FileByteSource } from './bytesource-node.ts';
export { nodeDirFiles, loadModelDir, writeModelDir, convertCheckpoint } from './model-dir-node.ts';

export interface LoadedWeights {
  weights: NamedWeights;
  config: UNetConfig;
  warnings: string[];
}

/**
 * Weights for `config` from a .safetensors checkpoint or a model directory (whose config.json is
 * used when `config` is not given), checked against the config, in TF.js layout.
 */
export async function loadWeights(pathOrDir: string, config?: UNetConfig, opts: JobOptions = {}): Promise<LoadedWeights> {
  let isDir: boolean;
  try {
    isDir = (await stat(pathOrDir)).isDirectory();
  } catch {
    throw new LabError(`${pathOrDir}: no such file or directory`);
  }
  if (isDir) {
    const model = await loadModelDir(pathOrDir, opts);
    if (config) checkWeightsAgainstConfig(model.weights, config, pathOrDir);
    return { weights: model.weights, config: config ?? model.config, warnings: model.warnings };
  }
  if (!config) throw new LabError(`${pathOrDir}: a .safetensors checkpoint needs a config (--config <unet.json>)`);
  const read = await withFileSource(pathOrDir, (s) => readSafetensors(s, opts));
  checkWeightsAgainstConfig(read.tensors, config, pathOrDir);
  return { weights: read.tensors, config, warnings: read.warnings };
}

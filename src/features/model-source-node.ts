// Node side of the model resolver: a folder path, or a bare name looked up in the project's
// models/ folder (e.g. "student-v1" -> models/student-v1/). resolveModelNode is what the CLI,
// the sweep and training call.
import { stat } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { LabError } from '../common/errors.ts';
import { loadModelDir } from '../weights/model-dir-node.ts';
import { resolveModel, type ModelSource, type OpenedModel } from './model-source.ts';
import { portablePath } from '../common/portable-path.ts';

/** The project's models/ folder (next to src/). */
export const MODELS_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../models');

async function isDir(p: string): Promise<boolean> {
  try {
    return (await stat(p)).isDirectory();
  } catch {
    return false;
  }
}

/** Finds the folder of a model name or path: the path itself if it is a folder, else models/<name>. */
export async function modelDirOf(nameOrDir: string): Promise<string> {
  if (await isDir(nameOrDir)) return nameOrDir;
  const looksLikePath = nameOrDir.includes('/') || nameOrDir.includes(path.sep) || nameOrDir.startsWith('.');
  const inModels = path.join(MODELS_DIR, nameOrDir);
  if (!looksLikePath && (await isDir(inModels))) return inModels;
  throw new LabError(
    `model "${nameOrDir}": no such folder${looksLikePath ? '' : ` (nor ${path.relative(process.cwd(), inModels) || inModels})`}; ` +
      'give a model folder (model.json + config.json), a name under models/, or random-init[:student|paper|tiny|<model>]',
  );
}

/** Opens a model folder in Node; its id is config.json's "name" or the folder's name. */
export async function openModelDirNode(nameOrDir: string): Promise<OpenedModel> {
  const dir = await modelDirOf(nameOrDir);
  const loaded = await loadModelDir(dir);
  const named = loaded.configJson.name;
  // Recorded in cards and results files, so no absolute path of this machine: models/<name> for the
  // shipped folders, else the path as the user gave it (made relative, or its name if absolute).
  const rel = path.relative(MODELS_DIR, path.resolve(dir));
  const shown = !rel.startsWith('..') && !path.isAbsolute(rel) ? path.posix.join('models', ...rel.split(path.sep)) : portablePath(nameOrDir);
  return {
    name: typeof named === 'string' && named ? named : path.basename(path.resolve(dir)),
    dir: shown, config: loaded.config, configJson: loaded.configJson, weights: loaded.weights, warnings: loaded.warnings,
  };
}

/** resolveModel with Node folders. */
export function resolveModelNode(nameOrDir: string): Promise<ModelSource> {
  return resolveModel(nameOrDir, openModelDirNode);
}

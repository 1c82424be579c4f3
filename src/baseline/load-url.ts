// A Han CNN folder served over HTTP (the app's models/<folder>/: model.json, its weights file and,
// when the folder has one, calibration.json; a web page sent instead of a file counts as missing),
// fetched with the given fetch (the worker's own;
// nothing leaves the origin) and rebuilt with loadHan. Browser-safe; a missing or wrong folder is
// a LabError naming it.
import { LabError } from '../common/errors.ts';
import { isServedFile, type ServedLike } from '../common/served-file.ts';
import type { HanModel } from './han.ts';
import { loadHan } from './load.ts';

export type FetchLike = (url: string) => Promise<ServedLike & { status: number; text(): Promise<string>; arrayBuffer(): Promise<ArrayBuffer> }>;

/** A folder name under models/ (letters, digits, . _ -), as the app serves them. */
export function checkHanFolder(folder: string): void {
  if (!/^[A-Za-z0-9][A-Za-z0-9._-]*$/.test(folder)) throw new LabError(`Han CNN "${folder}": expected a folder name under models/ (letters, digits, . _ -)`);
}

export interface HanFolderFiles {
  json: string;
  weights: ArrayBuffer;
  /** calibration.json's text, or null when the folder has none. */
  calibration: string | null;
}

/** The files of `<appBase>models/<folder>/`. */
export async function fetchHanFolder(folder: string, appBase: string, fetchFn: FetchLike): Promise<HanFolderFiles> {
  checkHanFolder(folder);
  const base = new URL(`models/${folder}/`, appBase);
  const what = `Han CNN models/${folder}/`;
  const get = async (file: string, optional = false) => {
    let res: Awaited<ReturnType<FetchLike>>;
    try {
      res = await fetchFn(new URL(file, base).href);
    } catch (e) {
      throw new LabError(`${what}: cannot fetch ${file} (${(e as Error).message})`);
    }
    if (isServedFile(res)) return res;
    if (optional && (res.ok || res.status === 404)) return null;
    throw new LabError(`${what} is not in this build (${file}: ${res.ok ? 'the server sent a web page instead' : `HTTP ${res.status}`})`);
  };
  const json = await (await get('model.json'))!.text();
  let meta: { format?: string; weightsFile?: string };
  try {
    meta = JSON.parse(json);
  } catch (e) {
    throw new LabError(`${what}: model.json is not valid JSON (${(e as Error).message})`);
  }
  if (meta?.format !== 'diffpir-han-cnn') throw new LabError(`${what}: not a Han CNN model (model.json format is not "diffpir-han-cnn")`);
  const weightsFile = (meta.weightsFile ?? 'weights.bin').split('/').pop()!;
  const weights = await (await get(weightsFile))!.arrayBuffer();
  const cal = await get('calibration.json', true);
  return { json, weights, calibration: cal ? await cal.text() : null };
}

/** Loads `<appBase>models/<folder>/` (its calibration.json, if any, is not applied here). */
export async function loadHanUrl(folder: string, appBase: string, fetchFn: FetchLike): Promise<HanModel> {
  const files = await fetchHanFolder(folder, appBase, fetchFn);
  return loadHan(files.json, files.weights, `Han CNN models/${folder}/`);
}

// A Han CNN folder served over HTTP (the app's models/<folder>/: model.json + its weights file),
// fetched with the given fetch (the worker's own; nothing leaves the origin) and rebuilt with
// loadHan. Browser-safe; a missing or wrong folder is a LabError naming it.
import { LabError } from '../common/errors.ts';
import type { HanModel } from './han.ts';
import { loadHan } from './load.ts';

export type FetchLike = (url: string) => Promise<{ ok: boolean; status: number; text(): Promise<string>; arrayBuffer(): Promise<ArrayBuffer> }>;

/** A folder name under models/ (letters, digits, . _ -), as the app serves them. */
export function checkHanFolder(folder: string): void {
  if (!/^[A-Za-z0-9][A-Za-z0-9._-]*$/.test(folder)) throw new LabError(`Han CNN "${folder}": expected a folder name under models/ (letters, digits, . _ -)`);
}

/** Loads `<appBase>models/<folder>/`. */
export async function loadHanUrl(folder: string, appBase: string, fetchFn: FetchLike): Promise<HanModel> {
  checkHanFolder(folder);
  const base = new URL(`models/${folder}/`, appBase);
  const what = `Han CNN models/${folder}/`;
  const get = async (file: string) => {
    let res: Awaited<ReturnType<FetchLike>>;
    try {
      res = await fetchFn(new URL(file, base).href);
    } catch (e) {
      throw new LabError(`${what}: cannot fetch ${file} (${(e as Error).message})`);
    }
    if (!res.ok) throw new LabError(`${what} is not in this build (${file}: HTTP ${res.status})`);
    return res;
  };
  const json = await (await get('model.json')).text();
  let meta: { format?: string; weightsFile?: string };
  try {
    meta = JSON.parse(json);
  } catch (e) {
    throw new LabError(`${what}: model.json is not valid JSON (${(e as Error).message})`);
  }
  if (meta?.format !== 'diffpir-han-cnn') throw new LabError(`${what}: not a Han CNN model (model.json format is not "diffpir-han-cnn")`);
  const weightsFile = (meta.weightsFile ?? 'weights.bin').split('/').pop()!;
  const weights = await (await get(weightsFile)).arrayBuffer();
  return loadHan(json, weights, what);
}

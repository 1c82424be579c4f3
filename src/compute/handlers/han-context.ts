// Worker-side Han CNN folders (models/<folder>/ of the app), loaded once and kept warm for the
// recognizeHan and scoreFolder requests: the model, its weights' identity and the folder's
// calibration.json checked against it (a stale one is refused, as the CLI does).
import type { Calibration } from '../../calibration/types.ts';
import type { HanModel } from '../../baseline/han.ts';
import { loadHan } from '../../baseline/load.ts';
import { fetchHanFolder } from '../../baseline/load-url.ts';
import { calibrationFor, weightsIdentity } from '../../recognition/identity.ts';
import type { ModelIdentity } from '../../recognition/recognizer.ts';

export interface LoadedHan {
  folder: string;
  han: HanModel;
  identity: ModelIdentity;
  calibration: Calibration | null;
}

const loaded = new Map<string, Promise<LoadedHan>>();
const KEEP = 2;

async function open(folder: string, appBase: string): Promise<LoadedHan> {
  const files = await fetchHanFolder(folder, appBase, (url) => fetch(url));
  const identity = await weightsIdentity('han', files.weights);
  const calibration = calibrationFor(files.calibration, identity, `models/${folder}`);
  return { folder, han: loadHan(files.json, files.weights, `Han CNN models/${folder}/`), identity, calibration };
}

/** The Han CNN of `<appBase>models/<folder>/`, loaded once (the oldest of more than KEEP is disposed). */
export function labHan(folder: string, appBase: string): Promise<LoadedHan> {
  const key = `${appBase}|${folder}`;
  let m = loaded.get(key);
  if (!m) {
    m = open(folder, appBase);
    m.catch(() => loaded.delete(key));
    loaded.set(key, m);
    while (loaded.size > KEEP) {
      const oldest = loaded.keys().next().value!;
      void loaded.get(oldest)!.then((h) => h.han.dispose(), () => undefined);
      loaded.delete(oldest);
    }
  }
  return m;
}

// Sound banks in the browser worker: fetched from the app's own origin (./banks/<file>, emitted
// by scripts/vite/soundbanks.ts) and parsed once per worker.
import { LabError } from '../common/errors.ts';
import { BANKS, loadBank, type LoadedBank } from '../corpus/bank.ts';
import type { BankName } from '../corpus/types.ts';

const loaded = new Map<string, Promise<LoadedBank>>();

/** Loads bank `name` from `<baseUrl><file>`; baseUrl must be on the worker's own origin. */
export function loadBankFromUrl(name: BankName, baseUrl: string, fetchImpl: typeof fetch = fetch): Promise<LoadedBank> {
  const info = BANKS[name];
  if (!info) throw new LabError(`unknown sound bank "${name}"`);
  const url = new URL(info.file, baseUrl.endsWith('/') ? baseUrl : `${baseUrl}/`);
  const here = (globalThis as { location?: { origin: string } }).location?.origin;
  if (here && url.origin !== here) throw new LabError(`sound bank ${name}: banks load only from this app's origin (${here}), not ${url.origin}`);
  let p = loaded.get(url.href);
  if (!p) {
    p = (async () => {
      let res: Response;
      try {
        res = await fetchImpl(url.href);
      } catch (e) {
        throw new LabError(`sound bank ${name}: ${url.pathname} could not be fetched (${(e as Error).message})`);
      }
      if (!res.ok) throw new LabError(`sound bank ${name}: ${url.pathname} answered HTTP ${res.status} (is the app built with its banks?)`);
      return loadBank(name, new Uint8Array(await res.arrayBuffer()));
    })();
    loaded.set(url.href, p);
    p.catch(() => loaded.delete(url.href));
  }
  return p;
}

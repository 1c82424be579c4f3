// The packed recorded bank in the browser worker: bank.json and the .bin files fetched from the
// app's own origin (./banks/recorded/, emitted by scripts/vite/soundbanks.ts), opened once.
import { LabError } from '../common/errors.ts';
import { openSampleBank, type LoadedSampleBank } from '../corpus/samples/bank-load.ts';

const opened = new Map<string, Promise<LoadedSampleBank>>();

async function fetchBytes(url: URL, fetchImpl: typeof fetch): Promise<Uint8Array> {
  let res: Response;
  try {
    res = await fetchImpl(url.href);
  } catch (e) {
    throw new LabError(`recorded sample bank: ${url.pathname} could not be fetched (${(e as Error).message})`);
  }
  if (!res.ok) throw new LabError(`recorded sample bank: ${url.pathname} answered HTTP ${res.status} (is the app built with banks/recorded?)`);
  return new Uint8Array(await res.arrayBuffer());
}

/** Opens the bank at `<bankBase>recorded/`; bankBase must be on the worker's own origin. */
export function loadSampleBankFromUrl(bankBase: string, fetchImpl: typeof fetch = fetch): Promise<LoadedSampleBank> {
  const base = new URL('recorded/', bankBase.endsWith('/') ? bankBase : `${bankBase}/`);
  const here = (globalThis as { location?: { origin: string } }).location?.origin;
  if (here && base.origin !== here) throw new LabError(`recorded sample bank loads only from this app's origin (${here}), not ${base.origin}`);
  let p = opened.get(base.href);
  if (!p) {
    p = (async () => {
      const index = new TextDecoder().decode(await fetchBytes(new URL('bank.json', base), fetchImpl));
      return openSampleBank(index, (file) => fetchBytes(new URL(file, base), fetchImpl), 'banks/recorded/bank.json');
    })();
    opened.set(base.href, p);
    p.catch(() => opened.delete(base.href));
  }
  return p;
}

// Test-only: renders clips of the `small` plan (seed 1) with the app's own corpus code, loading the
// packed recorded bank and the SoundFont banks from `base` (the page's origin), and returns each
// clip's WAV checksum. Used by the page (recorded-render.ts) and by its worker.
import { arrangeSpec, getPreset, planCorpus } from '../../../src/corpus/plan.ts';
import { loadBank } from '../../../src/corpus/bank.ts';
import { BANKS } from '../../../src/corpus/bank.ts';
import { localRenderer } from '../../../src/corpus/corpus-render.ts';
import { checksumBytes } from '../../../src/corpus/checksum.ts';
import { openSampleBank } from '../../../src/corpus/samples/bank-load.ts';
import type { BankName } from '../../../src/corpus/types.ts';

const fetchBytes = async (url: string) => {
  const r = await fetch(url);
  if (!r.ok) throw new Error(`${url}: HTTP ${r.status}`);
  return new Uint8Array(await r.arrayBuffer());
};

export async function renderChecksums(ids: string[], base: string, where: string): Promise<Record<string, string>> {
  const specs = planCorpus(getPreset('small'), 1).filter((s) => ids.includes(s.id));
  const index = new TextDecoder().decode(await fetchBytes(new URL('bank/bank.json', base).href));
  const sampleBank = openSampleBank(index, (f) => { console.log(`${where}: fetching ${f}`); return fetchBytes(new URL(`bank/${f}`, base).href); });
  const render = localRenderer({
    loadBank: async (name: BankName) => {
      const t0 = performance.now();
      const b = await loadBank(name, await fetchBytes(new URL(`sf/${BANKS[name].file}`, base).href));
      console.log(`${where}: loaded ${name} in ${(performance.now() - t0).toFixed(0)} ms`);
      return b;
    },
    sampleBank: async () => ({
      ...sampleBank,
      instrument: async (id: string) => {
        const t0 = performance.now();
        const inst = await sampleBank.instrument(id);
        console.log(`${where}: decoded ${id} in ${(performance.now() - t0).toFixed(0)} ms`);
        return inst;
      },
    }),
  });
  const out: Record<string, string> = {};
  for (const s of specs) {
    const t0 = performance.now();
    const codec = arrangeSpec(s).codec;
    out[s.id] = checksumBytes((await render(s)).bytes);
    console.log(`${where}: rendered ${s.id}${codec ? ` (${codec.codec} round trip)` : ''} in ${(performance.now() - t0).toFixed(0)} ms`);
  }
  return out;
}

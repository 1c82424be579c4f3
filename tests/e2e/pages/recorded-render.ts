// Test-only entry for recorded-render.html: opens the packed recorded bank and the SoundFont
// banks from the page's own origin, renders the clips named in ?ids= with the app's own corpus
// code, and publishes each clip's WAV checksum on window (compared with Node's in the spec).
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

async function run(): Promise<Record<string, string>> {
  const ids = new URLSearchParams(location.search).get('ids')!.split(',');
  const specs = planCorpus(getPreset('small'), 1).filter((s) => ids.includes(s.id));
  const index = new TextDecoder().decode(await fetchBytes('bank/bank.json'));
  const sampleBank = openSampleBank(index, (f) => { console.log(`fetching ${f}`); return fetchBytes(`bank/${f}`); });
  const render = localRenderer({
    loadBank: async (name: BankName) => {
      const t0 = performance.now();
      const b = await loadBank(name, await fetchBytes(`sf/${BANKS[name].file}`));
      console.log(`loaded ${name} in ${(performance.now() - t0).toFixed(0)} ms`);
      return b;
    },
    sampleBank: async () => ({
      ...sampleBank,
      instrument: async (id: string) => {
        const t0 = performance.now();
        const inst = await sampleBank.instrument(id);
        console.log(`decoded ${id} in ${(performance.now() - t0).toFixed(0)} ms`);
        return inst;
      },
    }),
  });
  const out: Record<string, string> = {};
  for (const s of specs) {
    const t0 = performance.now();
    arrangeSpec(s);
    out[s.id] = checksumBytes((await render(s)).bytes);
    console.log(`rendered ${s.id} in ${(performance.now() - t0).toFixed(0)} ms`);
  }
  return out;
}

run().then(
  (r) => { (window as unknown as { recorded: unknown }).recorded = r; },
  (e) => { (window as unknown as { recorded: unknown }).recorded = { error: String(e?.stack ?? e) }; },
);

// Corpus rendering in Node: time per clip and real-time factor per lead source (recorded recipe,
// `small` seed 1, up to 3 clips per source) and per bank (SoundFont recipe, `sf-tiny`), with every
// bank and sampled instrument loaded and decoded before timing (decode time per instrument in a
// second table), wall clock and CPU time, one core.
import type { BenchRow } from '../bench.ts';
import { arrangeSpec, loadBankNode, planCorpus, PRESETS, renderClip, type ClipSpec } from '../../src/corpus/index.ts';
import { loadClipSources } from '../../src/corpus/corpus-render.ts';
import { loadSampleBankNode } from '../../src/corpus/samples/bank-node.ts';

export const title = 'Corpus rendering (Node, one core)';

const loaders = { loadBank: loadBankNode, sampleBank: async () => loadSampleBankNode() };

async function timeClips(specs: ClipSpec[]): Promise<{ wallMs: number; cpuMs: number; audio: number }> {
  let wallMs = 0, cpuMs = 0, audio = 0;
  for (const spec of specs) {
    const plan = arrangeSpec(spec);
    const sources = await loadClipSources(plan, loaders);
    const c0 = process.cpuUsage().user;
    const t0 = performance.now();
    renderClip(plan, sources);
    wallMs += performance.now() - t0;
    cpuMs += (process.cpuUsage().user - c0) / 1000;
    audio += spec.duration;
  }
  return { wallMs, cpuMs, audio };
}

function row(name: string, n: number, t: { wallMs: number; cpuMs: number; audio: number }): BenchRow {
  return {
    clips: name, n, 'audio s': t.audio, 'ms per clip': t.wallMs / n, 'ms per audio s': t.wallMs / t.audio,
    'x real time (wall)': t.audio / (t.wallMs / 1000), 'x real time (cpu)': t.audio / (t.cpuMs / 1000),
  };
}

export async function run(): Promise<BenchRow[]> {
  const bank = loadSampleBankNode();
  const decode: BenchRow[] = [];
  for (const i of bank.index.instruments) {
    const t0 = performance.now();
    await bank.instrument(i.id);
    decode.push({ clips: `decode ${i.id}`, n: new Set(i.regions.map((r) => r.sample)).size, 'ms per clip': performance.now() - t0 });
  }
  const small = planCorpus(PRESETS.small, 1);
  const bySource = new Map<string, ClipSpec[]>();
  for (const s of small) {
    const key = `${s.split === 'test' ? 'test' : 'train'} ${s.sources![0]}`;
    const list = bySource.get(key) ?? [];
    if (list.length < 3) list.push(s);
    bySource.set(key, list);
  }
  const rows: BenchRow[] = [];
  for (const [name, group] of [...bySource].sort()) {
    await timeClips(group.slice(0, 1)); // warm
    rows.push(row(`recorded: ${name}`, group.length, await timeClips(group)));
  }
  const sf = planCorpus(PRESETS['sf-tiny'], 1);
  await timeClips(sf.filter((_, i) => i % 2 === 0));
  for (const [name, group] of [
    ['SoundFont: train, FluidR3Mono_GM', sf.filter((s) => s.split === 'train' && s.bank === 'FluidR3Mono_GM')],
    ['SoundFont: train, MuseScore_General_Lite', sf.filter((s) => s.split === 'train' && s.bank === 'MuseScore_General_Lite')],
    ['SoundFont: test, TimGM6mb', sf.filter((s) => s.split === 'test')],
  ] as [string, ClipSpec[]][]) rows.push(row(name, group.length, await timeClips(group)));
  return [...rows, ...decode];
}

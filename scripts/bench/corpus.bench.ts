// Corpus rendering in Node: time per clip and real-time factor per bank and split (banks loaded
// and their samples decoded once before timing), wall clock and CPU time, from the tiny preset.
import type { BenchRow } from '../bench.ts';
import { arrangeSpec, loadBankNode, planCorpus, PRESETS, renderClip, type ClipSpec } from '../../src/corpus/index.ts';

export const title = 'Corpus rendering (Node, one core)';

async function timeClips(specs: ClipSpec[]): Promise<{ wallMs: number; cpuMs: number; audio: number }> {
  let wallMs = 0, cpuMs = 0, audio = 0;
  for (const spec of specs) {
    const plan = arrangeSpec(spec);
    const bank = await loadBankNode(plan.bank);
    const c0 = process.cpuUsage().user;
    const t0 = performance.now();
    renderClip(plan, bank);
    wallMs += performance.now() - t0;
    cpuMs += (process.cpuUsage().user - c0) / 1000;
    audio += spec.duration;
  }
  return { wallMs, cpuMs, audio };
}

export async function run(): Promise<BenchRow[]> {
  const specs = planCorpus(PRESETS.tiny, 1);
  // Warm-up: one pass over the tiny corpus decodes every sample the timed clips use.
  const warm = specs.filter((_, i) => i % 2 === 0);
  await timeClips(warm);
  const groups: [string, ClipSpec[]][] = [
    ['train, FluidR3Mono_GM', specs.filter((s) => s.split === 'train' && s.bank === 'FluidR3Mono_GM')],
    ['train, MuseScore_General_Lite', specs.filter((s) => s.split === 'train' && s.bank === 'MuseScore_General_Lite')],
    ['test, TimGM6mb', specs.filter((s) => s.split === 'test')],
  ];
  const rows: BenchRow[] = [];
  for (const [name, group] of groups) {
    const t = await timeClips(group);
    rows.push({
      clips: name,
      n: group.length,
      'audio s': t.audio,
      'ms per clip': t.wallMs / group.length,
      'ms per audio s': t.wallMs / t.audio,
      'x real time (wall)': t.audio / (t.wallMs / 1000),
      'x real time (cpu)': t.audio / (t.cpuMs / 1000),
    });
  }
  return rows;
}

// The codec stage of the recorded recipe 3 (src/corpus/render-codec.ts) in Node, one core: the
// encode + decode round trip per clip for every MP3 rate and the two ends of the Ogg Vorbis range,
// on a rendered 3 s training clip and a 10 s test clip, beside the time the clip itself takes to
// render; the first call of each codec (compiling its WASM) on its own row.
import type { BenchRow } from '../bench.ts';
import { arrangeSpec, loadBankNode, planCorpus, PRESETS, renderClip, type ClipSpec } from '../../src/corpus/index.ts';
import { loadClipSources } from '../../src/corpus/corpus-render.ts';
import { applyCodec, MP3_BITRATES, OGG_QUALITY, type CodecPlan } from '../../src/corpus/render-codec.ts';
import { loadSampleBankNode } from '../../src/corpus/samples/bank-node.ts';

export const title = 'Corpus codec stage (Node, one core)';

const loaders = { loadBank: loadBankNode, sampleBank: async () => loadSampleBankNode() };
const REPEAT = 5;

function timed<T>(f: () => Promise<T>): Promise<{ value: T; wallMs: number; cpuMs: number }> {
  const c0 = process.cpuUsage().user;
  const t0 = performance.now();
  return f().then((value) => ({ value, wallMs: performance.now() - t0, cpuMs: (process.cpuUsage().user - c0) / 1000 }));
}

export async function run(): Promise<BenchRow[]> {
  const specs = planCorpus(PRESETS.small, 1);
  const clips: [string, ClipSpec][] = [
    ['3 s training clip', specs.find((s) => s.split === 'train' && !s.multi)!],
    ['10 s test clip', specs.find((s) => s.split === 'test' && s.duration === 10)!],
  ];
  const plans: CodecPlan[] = [
    ...MP3_BITRATES.map((bitrate) => ({ codec: 'mp3' as const, bitrate })),
    { codec: 'ogg-vorbis', quality: OGG_QUALITY[0] },
    { codec: 'ogg-vorbis', quality: OGG_QUALITY[1] },
  ];
  const name = (p: CodecPlan) => (p.codec === 'mp3' ? `MP3 ${p.bitrate} kbit/s` : `Ogg Vorbis q${p.quality}`);
  const rows: BenchRow[] = [];
  const first = new Set<string>();
  for (const [label, spec] of clips) {
    const plan = arrangeSpec(spec);
    const sources = await loadClipSources(plan, loaders);
    renderClip(plan, sources); // warm
    const r = await timed(async () => renderClip(plan, sources));
    const audio = spec.duration;
    rows.push({ stage: `render (no codec), ${label}`, 'ms per clip (wall)': r.wallMs, 'ms per clip (cpu)': r.cpuMs, 'x real time (cpu)': audio / (r.cpuMs / 1000) });
    for (const p of plans) {
      if (!first.has(p.codec)) {
        first.add(p.codec);
        const init = await timed(() => applyCodec(r.value.samples, p, 16000));
        rows.push({ stage: `${p.codec} first call (WASM compile + round trip), ${label}`, 'ms per clip (wall)': init.wallMs, 'ms per clip (cpu)': init.cpuMs });
      }
      let wall = 0, cpu = 0, kbps = 0;
      for (let i = 0; i < REPEAT; i++) {
        const t = await timed(() => applyCodec(r.value.samples, p, 16000));
        wall += t.wallMs;
        cpu += t.cpuMs;
        kbps = t.value.record.bitrate;
      }
      rows.push({
        stage: `${name(p)}, ${label}`, 'ms per clip (wall)': wall / REPEAT, 'ms per clip (cpu)': cpu / REPEAT,
        'x real time (cpu)': audio / (cpu / REPEAT / 1000), 'share of render (cpu)': cpu / REPEAT / r.cpuMs, kbps,
      });
    }
  }
  return rows;
}

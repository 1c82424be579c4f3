// `diffpir corpus`: render the built-in IRMAS-like corpus (--preset), import an IRMAS folder
// (--irmas) or OpenPIR metadata with local OpenMIC audio (--openpir --audio-root), or print the
// per-class counts of a preset (--plan) or of an existing corpus (--summary).
import type { Command } from '../command.ts';
import { LabError } from '../../common/errors.ts';
import type { Progress } from '../../common/progress.ts';
import {
  DEFAULT_SEED, IRMAS_CLASSES, SPLITS, arrangeSpec, countManifest, getPreset, importIrmas, importOpenPir, loadManifest, planCorpus,
  renderCorpus, saveManifest, summarisePlan, type CorpusManifest, type Split,
} from '../../corpus/index.ts';

function table(perClass: Record<Split, Record<string, number>>, clips: Record<Split, number>, seconds: Record<Split, number>): string {
  const rows = [`split       ${IRMAS_CLASSES.map((c) => c.padStart(4)).join(' ')}  clips  minutes`];
  for (const s of SPLITS) {
    rows.push(`${s.padEnd(11)} ${IRMAS_CLASSES.map((c) => String(perClass[s][c] ?? 0).padStart(4)).join(' ')}  ${String(clips[s]).padStart(5)}  ${(seconds[s] / 60).toFixed(1).padStart(7)}`);
  }
  return rows.join('\n');
}

function printManifestSummary(m: CorpusManifest): void {
  const c = countManifest(m);
  console.log(table(c.perClass, c.clips, c.seconds));
  console.log(`labels per clip: train ${c.labelsPerClip.train.toFixed(2)}, validation ${c.labelsPerClip.validation.toFixed(2)}, test ${c.labelsPerClip.test.toFixed(2)}`);
  if (m.skipped.length > 0) {
    console.log(`skipped ${m.skipped.length}:`);
    for (const s of m.skipped.slice(0, 20)) console.log(`  ${s.item}: ${s.why}`);
    if (m.skipped.length > 20) console.log(`  ... (${m.skipped.length - 20} more in manifest.json)`);
  }
}

function progressPrinter(): (p: Progress) => void {
  const t0 = performance.now();
  let last = 0;
  const tty = process.stdout.isTTY;
  return (p) => {
    const now = performance.now();
    if (p.done < p.total && now - last < (tty ? 250 : 5000)) return;
    last = now;
    const elapsed = (now - t0) / 1000;
    const left = p.done > 0 ? (elapsed / p.done) * (p.total - p.done) : 0;
    const line = `${p.stage} ${p.done}/${p.total} (${Math.floor((100 * p.done) / p.total)}%) ${p.detail ?? ''}, ${elapsed.toFixed(0)} s elapsed, ~${left.toFixed(0)} s left`;
    if (tty) process.stdout.write(`\r${line.padEnd(100)}${p.done === p.total ? '\n' : ''}`);
    else console.log(line);
  };
}

export const corpusCommand: Command = {
  name: 'corpus',
  summary: 'Render the built-in labelled corpus, or import IRMAS / OpenPIR, writing manifest.json',
  usage: [
    'npx diffpir corpus --preset tiny|small|full --out <dir> [--seed N] [--jobs N] [--float]',
    '       npx diffpir corpus --irmas <IRMAS dir> --out <dir> [--validation 0.15]',
    '       npx diffpir corpus --openpir <metadata.json> --audio-root <OpenMIC dir> --out <dir> [--split train]',
    '       npx diffpir corpus --plan tiny|small|full [--seed N]     (per-class counts, no rendering)',
    '       npx diffpir corpus --summary <dir>                      (counts of an existing corpus)',
  ].join('\n'),
  async run(args) {
    if (args.has('plan')) {
      const preset = getPreset(args.requireStr('plan'));
      const specs = planCorpus(preset, args.num('seed', DEFAULT_SEED)!);
      const s = summarisePlan(specs);
      console.log(`preset ${preset.name}: ${s.clips.train + s.clips.validation + s.clips.test} clips (recipe ${preset.recipe === 3 ? '3, recorded, codec stage on some clips' : preset.recipe === 2 ? '2, recorded' : '1, SoundFont'})`);
      console.log(table(s.perClass, s.clips, s.seconds));
      const multi = specs.filter((c) => c.multi).length;
      if (multi > 0) console.log(`train: of which ${multi} are OpenPIR-like multi-label clips (meta.set "multi"; used for training only with --with-multi)`);
      const coded = specs.map((c) => arrangeSpec(c).codec).filter((c) => c !== undefined);
      if (coded.length > 0) console.log(`codec stage: ${coded.length} clips (${coded.filter((c) => c.codec === 'mp3').length} MP3, ${coded.filter((c) => c.codec === 'ogg-vorbis').length} Ogg Vorbis)`);
      console.log(`labels per test clip: ${s.labelsPerTestClip.toFixed(2)}`);
      return;
    }
    if (args.has('summary')) return printManifestSummary(loadManifest(args.requireStr('summary')));
    const modes = ['preset', 'irmas', 'openpir'].filter((m) => args.has(m));
    if (modes.length !== 1) throw new LabError('give exactly one of --preset, --irmas, --openpir (or --plan / --summary); see --help');
    const out = args.requireStr('out');
    if (args.has('irmas')) {
      const v = args.num('validation', 0.15)!;
      if (!(v >= 0 && v < 1)) throw new LabError(`--validation must be a fraction in [0, 1), got ${v}`);
      const m = importIrmas(args.requireStr('irmas'), { validationFraction: v });
      console.log(`IRMAS: ${m.clips.length} clips -> ${saveManifest(out, m)}`);
      return printManifestSummary(m);
    }
    if (args.has('openpir')) {
      const split = args.str('split') as Split | undefined;
      if (split && !SPLITS.includes(split)) throw new LabError(`--split must be one of ${SPLITS.join(', ')}`);
      const m = importOpenPir(args.requireStr('openpir'), args.requireStr('audio-root'), { defaultSplit: split });
      console.log(`OpenPIR: ${m.clips.length} clips -> ${saveManifest(out, m)}`);
      return printManifestSummary(m);
    }
    const controller = new AbortController();
    const onInt = () => controller.abort();
    process.once('SIGINT', onInt);
    try {
      const r = await renderCorpus(args.requireStr('preset'), {
        out,
        seed: args.num('seed', DEFAULT_SEED),
        encoding: args.bool('float') ? 'float32' : 'pcm16',
        jobs: args.num('jobs', 1),
        signal: controller.signal,
        onProgress: progressPrinter(),
      });
      const rt = r.renderSeconds > 0 ? ` in ${r.renderSeconds.toFixed(1)} s (${(r.audioSeconds / r.renderSeconds).toFixed(1)}x real time)` : '';
      console.log(`rendered ${r.rendered} clips${rt}, kept ${r.reused} already rendered -> ${out}/manifest.json`);
      printManifestSummary(r.manifest);
    } finally {
      process.off('SIGINT', onInt);
    }
  },
};

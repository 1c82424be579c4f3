// Builds the real-recording validation set: for each clip in ./manifest.json, reads the source
// file from a fetched bare git repo (git --git-dir=<mirror>/<owner>+<name>/repo show COMMIT:path),
// decodes it, cuts start..end, resamples to 16 kHz mono (sums `mixWith` parts at equal RMS) and
// writes <id>.wav (16-bit) plus a corpus-format manifest.json. Each clip's part (parts.ts) becomes its
// split: "tune" -> "validation", "report" -> "test"; the part and recordings are kept in meta.
// Usage: npx tsx src/corpus/real-validation/assemble.ts --mirror <folder of fetched owner+repo copies> --out .cache/real-validation
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { decodeAudio, downmixToMono, encodeWav, resample } from '../../audio/index.ts';
import { isIrmasClass, type IrmasClass } from '../classes.ts';
import { makeManifest } from '../manifest.ts';
import { saveManifest } from '../manifest-node.ts';
import type { ClipRecord } from '../types.ts';
import { clipRecordings, PART_SPLIT, partCounts, partProblems, type Part } from './parts.ts';

interface Source { repo: string; commit: string; path: string; licence: string; licenceFile: string; attribution: string }
interface Excerpt extends Source { start: number; end: number }
interface RealClip { id: string; labels: string[]; part: Part; source: Source; start: number; end: number; mixWith?: Excerpt[]; labelledBy: string; notes?: string }
interface RealManifest { format: string; version: number; classes: string[]; clips: RealClip[] }

const SR = 16000;
const die = (msg: string): never => { console.error(`assemble: ${msg}`); process.exit(1); };

function arg(name: string, fallback?: string): string {
  const i = process.argv.indexOf(`--${name}`);
  const v = i >= 0 ? process.argv[i + 1] : fallback;
  return v ?? die(`missing --${name}`);
}

/** The source file's bytes from the mirror's bare repo, or a one-line error naming what is missing. */
function gitBytes(mirror: string, s: Source): Uint8Array {
  // Most snapshots are bare (<mirror>/<owner>+<name>/repo); some arrive as repo/.git.
  const base = path.join(mirror, s.repo.replace('/', '+'), 'repo');
  const gitDir = existsSync(path.join(base, '.git')) ? path.join(base, '.git') : base;
  if (!existsSync(gitDir)) die(`repo ${s.repo} is not fetched (no ${gitDir}); fetch github:${s.repo} first`);
  try {
    return new Uint8Array(execFileSync('git', ['--git-dir', gitDir, 'show', `${s.commit}:${s.path}`], { maxBuffer: 1 << 30, stdio: ['ignore', 'pipe', 'pipe'] }));
  } catch {
    return die(`${s.repo}@${s.commit.slice(0, 10)}: file ${s.path} is missing from the snapshot (absent blob, LFS or wrong commit)`);
  }
}

const cache = new Map<string, Float32Array>();
/** Mono 16 kHz samples of [start, end) seconds of a source file. */
async function cut(mirror: string, p: Excerpt): Promise<Float32Array> {
  const key = `${p.repo}:${p.commit}:${p.path}`;
  let all = cache.get(key);
  if (!all) {
    const d = await decodeAudio(gitBytes(mirror, p), path.basename(p.path));
    all = resample(downmixToMono(d.channels), d.sampleRate, SR);
    cache.set(key, all);
  }
  const a = Math.round(p.start * SR), b = Math.round(p.end * SR);
  if (!(b > a) || b > all.length + SR / 100) die(`${p.path}: excerpt ${p.start}-${p.end} s is outside the file (${(all.length / SR).toFixed(2)} s)`);
  return all.slice(a, Math.min(b, all.length));
}

const rms = (x: Float32Array) => Math.sqrt(x.reduce((s, v) => s + v * v, 0) / Math.max(1, x.length));

async function main() {
  const mirror = path.resolve(arg('mirror')); // the folder holding the fetched owner+repo copies
  const out = path.resolve(arg('out', '.cache/real-validation'));
  const here = path.dirname(fileURLToPath(import.meta.url));
  const spec = JSON.parse(readFileSync(arg('manifest', path.join(here, 'manifest.json')), 'utf8')) as RealManifest;
  if (spec.format !== 'diffpir-real-validation') die(`manifest format must be "diffpir-real-validation", got ${JSON.stringify(spec.format)}`);
  const problems = partProblems(spec.clips);
  if (problems.length) die(`manifest parts: ${problems.join('; ')}`);
  mkdirSync(out, { recursive: true });
  const clips: ClipRecord[] = [];
  for (const c of spec.clips) {
    const bad = c.labels.find((l) => !isIrmasClass(l));
    if (bad) die(`clip ${c.id}: unknown label ${bad}`);
    const parts = [{ ...c.source, start: c.start, end: c.end }, ...(c.mixWith ?? [])];
    const audio = await Promise.all(parts.map((p) => cut(mirror, p)));
    let y = audio[0];
    if (audio.length > 1) {
      // Mixture of separate recordings: each part scaled to the same RMS, summed over the shortest.
      const n = Math.min(...audio.map((a) => a.length));
      y = new Float32Array(n);
      for (const a of audio) { const g = 0.1 / (rms(a) || 1); for (let i = 0; i < n; i++) y[i] += a[i] * g; }
    }
    const peak = y.reduce((m, v) => Math.max(m, Math.abs(v)), 0);
    if (peak < 1e-4) die(`clip ${c.id}: excerpt is silent`);
    if (peak > 0.99 || audio.length > 1) { const g = 0.9 / peak; y = y.map((v) => v * g); }
    const file = `${c.id}.wav`;
    writeFileSync(path.join(out, file), encodeWav(y, SR));
    clips.push({
      id: c.id, file, split: PART_SPLIT[c.part], labels: c.labels as IrmasClass[], duration: +(y.length / SR).toFixed(3), sampleRate: SR,
      meta: { repo: c.source.repo, commit: c.source.commit, path: c.source.path, start: c.start, end: c.end, part: c.part, recordings: clipRecordings(c).join(' | '), licence: [c.source, ...(c.mixWith ?? [])].map((p) => p.licence).join(' + '), ...(c.mixWith ? { mix: c.mixWith.map((m) => `${m.repo}:${m.path}@${m.start}-${m.end}`).join(' | ') } : {}) },
    });
    console.log(`${c.id}\t${c.labels.join(',')}\t${c.part}\t${(y.length / SR).toFixed(2)} s`);
  }
  saveManifest(out, makeManifest('real', clips, [], { created: new Date().toISOString() }));
  const per = Object.fromEntries(spec.classes.map((k) => [k, clips.filter((c) => c.labels.includes(k as IrmasClass)).length]));
  const minutes = clips.reduce((s, c) => s + c.duration, 0) / 60;
  console.log(`wrote ${clips.length} clips (${minutes.toFixed(1)} min) to ${out}; per class ${JSON.stringify(per)}`);
  const byPart = partCounts(spec.clips, spec.classes);
  console.log(`per class, tune/report clips (solo recordings): ${spec.classes.map((k) => `${k} ${byPart[k].tune.clips}/${byPart[k].report.clips} (${byPart[k].tune.recordings}/${byPart[k].report.recordings})`).join(', ')}`);
}

main().catch((e) => die(e instanceof Error ? e.message : String(e)));

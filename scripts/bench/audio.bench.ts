// Audio front end timings in Node: mel of 10 s, resampling, and decode + resample of a 3-minute
// MP3 (made at bench time with ffmpeg in a temp dir; the row is skipped with a note without it).
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { BenchRow } from '../bench.ts';
import { decodeAudio, downmixToMono, logMel, melSpectrogram, resample } from '../../src/audio/index.ts';

export const title = 'Audio front end (Node)';

function median(times: number[]): number {
  const s = [...times].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

function time(fn: () => unknown, runs = 5): number {
  fn();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    fn();
    times.push(performance.now() - t0);
  }
  return median(times);
}

function signal(rate: number, seconds: number): Float32Array {
  return Float32Array.from({ length: Math.round(rate * seconds) }, (_, i) => 0.3 * Math.sin(i * 0.05) + 0.1 * Math.sin(i * 1.3));
}

async function mp3Rows(): Promise<BenchRow[]> {
  if (spawnSync('ffmpeg', ['-version']).status !== 0) {
    return [{ task: 'decode + resample 3-min MP3', ms: 'skipped', note: 'ffmpeg not found' }];
  }
  const dir = mkdtempSync(path.join(tmpdir(), 'diffpir-bench-'));
  try {
    const file = path.join(dir, 'three-minutes.mp3');
    const lavfi = 'sine=frequency=220:sample_rate=44100:duration=180[a];anoisesrc=color=pink:amplitude=0.1:sample_rate=44100:duration=180[b];[a][b]join=inputs=2:channel_layout=stereo';
    const made = spawnSync('ffmpeg', ['-hide_banner', '-loglevel', 'error', '-y', '-filter_complex', lavfi, '-c:a', 'libmp3lame', '-b:a', '128k', file]);
    if (made.status !== 0) return [{ task: 'decode + resample 3-min MP3', ms: 'skipped', note: `ffmpeg failed: ${made.stderr}` }];
    const bytes = new Uint8Array(readFileSync(file));
    const t0 = performance.now();
    const decoded = await decodeAudio(bytes, 'three-minutes.mp3');
    const t1 = performance.now();
    const mono = downmixToMono(decoded.channels);
    const out = resample(mono, decoded.sampleRate, 16000);
    const t2 = performance.now();
    const mel = melSpectrogram(out);
    const t3 = performance.now();
    const note = `${(bytes.length / 2 ** 20).toFixed(1)} MB, 44.1 kHz stereo 128 kbps -> ${out.length} samples`;
    return [
      { task: 'decode 3-min MP3 (mpg123 wasm)', ms: t1 - t0, note },
      { task: 'downmix + resample 3-min to 16 kHz', ms: t2 - t1, note: '' },
      { task: 'decode + resample 3-min MP3', ms: t2 - t0, note: '' },
      { task: 'mel of the 3-min clip', ms: t3 - t2, note: `${mel.frames} frames` },
    ];
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

export async function run(): Promise<BenchRow[]> {
  const tenSec = signal(16000, 10);
  const rows: BenchRow[] = [
    { task: 'mel magnitude, 10 s at 16 kHz', ms: time(() => melSpectrogram(tenSec)), note: 'median of 5, after warm-up' },
    { task: 'log-mel, 10 s at 16 kHz', ms: time(() => logMel(tenSec)), note: 'median of 5' },
  ];
  for (const rate of [44100, 48000, 22050]) {
    const x = signal(rate, 10);
    rows.push({ task: `resample 10 s ${rate} -> 16000 Hz`, ms: time(() => resample(x, rate, 16000)), note: 'median of 5' });
  }
  rows.push(...(await mp3Rows()));
  return rows;
}

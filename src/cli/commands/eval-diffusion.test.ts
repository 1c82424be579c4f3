// eval-diffusion prints one JSON object of the documented shape per model, for a named random-init model
// on a small corpus folder of synthetic tones (the same seed gives the same figures), and puts each
// model's random-init control after it with --control.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { Args, parseArgs } from '../args.ts';
import { encodeWav } from '../../audio/wav-encode.ts';
import { makeManifest } from '../../corpus/manifest.ts';
import { saveManifest } from '../../corpus/manifest-node.ts';
import type { ClipRecord } from '../../corpus/types.ts';
import { evalDiffusionCommand } from './eval-diffusion.ts';

const dir = mkdtempSync(path.join(tmpdir(), 'diffpir-evaldiff-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function toneCorpus(): string {
  const clips: ClipRecord[] = [];
  mkdirSync(path.join(dir, 'test'));
  for (let i = 0; i < 3; i++) {
    const f = 220 * (i + 1);
    const samples = Float32Array.from({ length: 16000 }, (_, n) => 0.3 * Math.sin((2 * Math.PI * f * n) / 16000));
    const file = `test/tone-${i}.wav`;
    writeFileSync(path.join(dir, file), encodeWav(samples, 16000));
    clips.push({ id: `tone-${i}`, file, split: 'test', labels: ['pia'], duration: 1, sampleRate: 16000 });
  }
  saveManifest(dir, makeManifest('irmas', clips, []));
  return dir;
}

async function runEvalLines(argv: string[]): Promise<Record<string, unknown>[]> {
  const log = vi.spyOn(console, 'log').mockImplementation(() => {});
  try {
    await evalDiffusionCommand.run(new Args(parseArgs(argv), 'eval-diffusion'));
    return log.mock.calls.map((c) => JSON.parse(String(c[0])) as Record<string, unknown>);
  } finally {
    log.mockRestore();
  }
}
const runEval = async (argv: string[]) => (await runEvalLines(argv)).at(-1)!;

describe('diffpir eval-diffusion', () => {
  it('prints {model, clips, vLoss, vLossBySigma, x0Error}', async () => {
    const corpus = toneCorpus();
    const argv = ['--model', 'random-init:tiny', '--corpus', corpus, '--split', 'test', '--frames', '16'];
    const r = await runEval(argv);
    expect(Object.keys(r)).toEqual(['model', 'corpus', 'split', 'clips', 'vLoss', 'vLossBySigma', 'x0Error']);
    expect(r.model).toBe('random-init:tiny');
    expect(r.clips).toBe(3);
    expect(Object.keys(r.vLossBySigma as object)).toEqual(['0.1', '0.3', '0.5', '0.7', '0.9']);
    const bySigma = Object.values(r.vLossBySigma as Record<string, number>);
    expect(r.vLoss as number).toBeCloseTo(bySigma.reduce((a, b) => a + b, 0) / 5, 10);
    expect(r.x0Error as number).toBeGreaterThan(0);
    expect(await runEval(argv)).toEqual(r);
  });

  it('--control puts the random-init control after each model (same clips and noise)', async () => {
    const lines = await runEvalLines(['--model', 'student-v1', '--corpus', dir, '--split', 'test', '--frames', '16', '--control']);
    expect(lines.map((l) => l.model)).toEqual(['student-v1', 'random-init:student-v1']);
    expect(lines.every((l) => l.clips === 3)).toBe(true);
    expect(lines[0].vLoss).not.toEqual(lines[1].vLoss);
  });

  it('names a bad split', async () => {
    await expect(runEval(['--model', 'random-init:tiny', '--corpus', dir, '--split', 'dev'])).rejects.toThrow(/--split must be one of/);
  });
});

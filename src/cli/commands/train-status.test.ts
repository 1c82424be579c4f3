// `diffpir train-status` on folders the test writes: one run, a train-regimes folder (each regime's
// run), and one-line refusals of a missing folder, a folder with no run and a broken checkpoint state.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from '../testing.ts';

const dir = mkdtempSync(path.join(tmpdir(), 'diffpir-train-status-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function run(folder: string, step: number, finished = false): string {
  mkdirSync(path.join(folder, 'checkpoint'), { recursive: true });
  writeFileSync(path.join(folder, 'checkpoint', 'checkpoint.json'), JSON.stringify({
    format: 'diffpir-train-checkpoint', step, elapsedSec: 120, settings: { batch: 8, seed: 0, config: { channels: [4, 8] } },
    earlyStop: { bestVLoss: 0.5, bestStep: step, sinceBest: 0 },
  }));
  writeFileSync(path.join(folder, 'train-log.jsonl'), `${JSON.stringify({ kind: 'val', step, vLoss: 0.5 })}\n`);
  if (finished) writeFileSync(path.join(folder, 'model.json'), '{}');
  return folder;
}

describe('diffpir train-status', () => {
  it('shows a run, and each regime of a train-regimes folder', async () => {
    const one = run(path.join(dir, 'one'), 40);
    const regimes = path.join(dir, 'regimes');
    run(path.join(regimes, 'model-0'), 100, true);
    run(path.join(regimes, 'model-a'), 20);
    const r = await runCli(['train-status', one, regimes]);
    expect(r.code, r.err).toBe(0);
    expect(r.out).toMatch(/one: in progress at step 40, 2\.0 min of training\n {2}from random weights/);
    expect(r.out).toMatch(/model-0: finished at step 100/);
    expect(r.out).toMatch(/model-a: in progress at step 20[^]*validations: 20 0\.5000\*/);
  });

  it('refuses a missing folder, a folder without a run and a broken state, in one line', async () => {
    expect((await runCli(['train-status', path.join(dir, 'nope')])).err).toMatch(/nope: no such folder/);
    mkdirSync(path.join(dir, 'empty'));
    expect((await runCli(['train-status', path.join(dir, 'empty')])).err).toMatch(/empty holds no training run/);
    const bad = path.join(dir, 'bad');
    mkdirSync(path.join(bad, 'checkpoint'), { recursive: true });
    writeFileSync(path.join(bad, 'checkpoint', 'checkpoint.json'), '{"format":"other"}');
    const r = await runCli(['train-status', bad]);
    expect(r.code).not.toBe(0);
    expect(r.err).toMatch(/checkpoint\.json: not a training checkpoint's state \(format other\)/);
  });
});

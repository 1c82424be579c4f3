// The whole experiment from the command line on the `tiny` corpus preset (rendered once into
// .cache/corpus, few clips via --max-clips) and a tiny random-init U-Net: sweep stages 1-3 with
// the control and the Han CNN, a resumed rerun, train-probe at the sweep's choice, and
// recognize --json on a test clip. Stage 3 runs the MLP, CNN and CRNN heads: the attention head
// attends over every map position (quadratic) and takes minutes even here, so it is left to
// src/probes' own tests and to real sweeps.
import { beforeAll, describe, expect, it } from 'vitest';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { runCli } from '../testing.ts';
import type { SweepResults } from '../../sweep/types.ts';

const run = (argv: string[]) => runCli(argv);

describe('diffpir sweep / train-probe / recognize on the tiny preset', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'diffpir-sweep-'));
    return () => rm(dir, { recursive: true, force: true });
  });
  const common = () => [
    '--model', 'random-init:tiny@3', '--corpus', 'tiny', '--max-clips', '11', '--epochs', '2', '--patience', '2', '--cache', path.join(dir, 'features'),
  ];
  const sweepArgs = () => [...common(), '--control', 'random-init:tiny', '--sigmas', '0.05,0.5', '--heads', 'mlp,cnn,crnn'];

  it('runs stages 1-3 with the control and the Han CNN, then resumes without recomputing', async () => {
    const out = path.join(dir, 'results.json');
    const first = await run(['sweep', ...sweepArgs(), '--out', out]);
    expect(first.err).not.toMatch(/internal error/);
    expect(first.code).toBe(0);
    for (const s of ['Stage 1: F1 vs sigma', 'Stage 2: F1 per tap', 'Stage 3: F1 per head', 'Han et al. CNN', 'Class-wise test F1']) {
      expect(first.out).toContain(s);
    }
    const results = JSON.parse(await readFile(out, 'utf8')) as SweepResults;
    // baseline + stage 1 (2 sigmas x 2 roles) + stage 2 (5 new taps x 2) + stage 3 (2 new heads x 2)
    expect(results.cells.length).toBe(1 + 4 + 10 + 4);
    expect(results.corpus.id).toMatch(/^rendered-tiny-seed1-/);
    expect(results.corpus.info.folder).toBe('.cache/corpus/tiny-seed1-max11');
    expect(results.cells.every((c) => c.corpus === results.corpus.id && c.backend === 'wasm')).toBe(true);
    expect(results.cells.find((c) => c.kind === 'baseline')!.parameters).toBeGreaterThan(1e6);
    expect(results.choices.head).toBeDefined();
    const again = await run(['sweep', ...sweepArgs(), '--out', out]);
    expect(again.code).toBe(0);
    expect(again.err).not.toMatch(/ {2}done: /);
    expect(again.err.match(/done before/g)!.length).toBe(19 + 4);
  }, 300_000);

  it('trains a probe at the chosen sigma and tap and recognizes a test clip (--json)', async () => {
    const results = JSON.parse(await readFile(path.join(dir, 'results.json'), 'utf8')) as SweepResults;
    const probe = path.join(dir, 'probe');
    const trained = await run([
      'train-probe', ...common(),
      '--sigma', String(results.choices.sigma!.value), '--tap', results.choices.tap!.value, '--head', 'mlp', '--out', probe,
    ]);
    expect(trained.err).not.toMatch(/internal error/);
    expect(trained.code).toBe(0);
    const card = JSON.parse(await readFile(path.join(probe, 'card.json'), 'utf8'));
    expect(card).toMatchObject({ sigma: results.choices.sigma!.value, tap: results.choices.tap!.value, head: 'mlp', model: { id: 'random-init:tiny@3' } });
    const rec = await run(['recognize', path.join(String(results.corpus.info.folder), 'test/test-0001.wav'), '--probe', probe, '--json']);
    expect(rec.err).toBe('');
    expect(rec.code).toBe(0);
    const r = JSON.parse(rec.out);
    expect(Object.keys(r).sort()).toEqual([
      'calibration', 'confidence', 'decision', 'duration', 'file', 'instruments', 'model', 'probe', 'recognized', 'threshold', 'top3', 'verdict', 'windows',
    ]);
    expect(r.instruments.map((i: { code: string }) => i.code)).toEqual(['cel', 'cla', 'flu', 'gac', 'gel', 'org', 'pia', 'sax', 'tru', 'vio', 'voi']);
    for (const i of r.instruments) {
      expect(i.probability).toBeGreaterThanOrEqual(0);
      expect(i.probability).toBeLessThanOrEqual(1);
      expect(typeof i.predicted).toBe('boolean');
    }
    expect(r.instruments.some((i: { predicted: boolean }) => i.predicted)).toBe(true);
    expect(typeof r.threshold).toBe('number');
    expect(r.windows.length).toBeGreaterThan(1);
    expect(r.windows[0]).toMatchObject({ start: 0, end: 3.04 });
    expect(Object.keys(r.windows[0].probabilities)).toHaveLength(11);
    expect(r.model).toBe('random-init:tiny@3');
    expect(r.probe).toBe(probe);
  }, 120_000);

  it('says clearly when the probe folder is missing', async () => {
    const r = await run(['recognize', 'tests/fixtures/audio/tone-mono-16000-f32.wav', '--probe', path.join(dir, 'nope')]);
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/no probe at .*nope \(probe.json missing\)/);
  });
});

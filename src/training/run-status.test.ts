// A run's status from its checkpoint state and loss log: phase, early stopping and the threshold the
// next validation must beat, recent validations, log lines past the checkpoint; and the text.
import { describe, expect, it } from 'vitest';
import type { TrainState } from './checkpoint.ts';
import { formatRunStatus, runStatus } from './run-status.ts';
import type { LogLine } from './trainLog.ts';

const state = (step: number, earlyStop?: TrainState['earlyStop']): TrainState => ({
  format: 'diffpir-train-checkpoint', step, prng: {} as TrainState['prng'], order: [], cursor: 0, elapsedSec: 600,
  settings: { batch: 8, seed: 1, ema: 0.995, adam: { lr: 3e-4 }, config: { channels: [4, 8] }, init: { model: 'models/m', hash: 'abcdef0123456789' } },
  ...(earlyStop ? { earlyStop } : {}),
});
const log: LogLine[] = [
  { kind: 'train', step: 10, loss: 0.5, clipsPerSec: 2, time: 30 },
  { kind: 'val', step: 10, vLoss: 0.40 },
  { kind: 'val', step: 20, vLoss: 0.39 },
  { kind: 'val', step: 30, vLoss: 0.389 },
  { kind: 'train', step: 30, loss: 0.45, clipsPerSec: 2.5, time: 90 },
  { kind: 'train', step: 35, loss: 0.44, clipsPerSec: 2.5, time: 105 },
];

describe('runStatus', () => {
  it('reads step, time, origin, early stopping and recent validations', () => {
    const r = runStatus({ state: state(30, { bestVLoss: 0.39, bestStep: 20, sinceBest: 1 }), log, finished: false, recent: 2 });
    expect(r.phase).toBe('in progress');
    expect(r.step).toBe(30);
    expect(r.trainingMinutes).toBe(10);
    expect(r.from).toBe('models/m (weights abcdef012345)');
    expect(r.earlyStop!.nextBelow).toBeCloseTo(0.39 * 0.995, 12);
    expect(r.validations).toEqual([{ step: 20, vLoss: 0.39 }, { step: 30, vLoss: 0.389 }]);
    expect(r.lastTrain).toEqual({ step: 35, loss: 0.44, clipsPerSec: 2.5, stepsPerSec: null });
    expect(r.logAhead).toBe(1);
    const text = formatRunStatus('runs/x', r);
    expect(text).toMatch(/^runs\/x: in progress at step 30, 10\.0 min of training/);
    expect(text).toMatch(/best validation v-loss 0\.3900 at step 20 \(1 validation since without a 0\.5 % gain\); the next counts below 0\.3881/);
    expect(text).toMatch(/validations: 20 0\.3900\*, 30 0\.3890/);
    expect(text).toMatch(/the log goes 1 line past the checkpoint/);
  });

  it('says finished, not started, and handles a run without early stopping or checkpoint', () => {
    expect(runStatus({ state: state(30), log, finished: true }).phase).toBe('finished');
    const none = runStatus({ log: [], finished: false });
    expect(none.phase).toBe('not started');
    expect(formatRunStatus('runs/y', none)).toBe('runs/y: no checkpoint and no loss log (not started here)');
    const logOnly = runStatus({ log, finished: false });
    expect(logOnly.step).toBe(35);
    expect(logOnly.trainingMinutes).toBeCloseTo(1.75, 12);
    expect(logOnly.earlyStop).toBeNull();
    expect(formatRunStatus('runs/z', runStatus({ state: state(30, { bestVLoss: 0.389, bestStep: 30, sinceBest: 0 }), log, finished: false })))
      .toMatch(/at step 30 \(the latest validation\)/);
  });

  it('forecasts the stop from the checkpoint state brought up to the log, with the ETA at the logged speed', () => {
    const vals: LogLine[] = [100, 200, 300, 400, 500].map((step) => ({ kind: 'val', step, vLoss: 0.5 - 0.01 * Math.log(step) }));
    const lg: LogLine[] = [...vals, { kind: 'train', step: 510, loss: 0.4, stepsPerSec: 0.1, time: 5000 }];
    // the checkpoint at 400 has seen 100-400; the log's 500 is replayed before the forecast
    const r = runStatus({ state: state(400, { bestVLoss: vals[3].vLoss as number, bestStep: 400, sinceBest: 0 }), log: lg, finished: false, patience: 2 });
    expect(r.forecast).not.toBeNull();
    expect(r.forecast!.patience).toBe(2);
    expect(r.forecast!.fitted).toBe(5);
    expect(r.forecast!.stopStep).toBeGreaterThan(500);
    const text = formatRunStatus('runs/f', r);
    expect(text).toMatch(/trend -0\.\d\d % per 100 steps \(a \+ b·ln\(step\) fitted to the last 5 validations\): at it, the rule \(patience 2\) would stop at about step \d+ \(~[\d.]+ h at the last logged 0\.100 steps\/s\)/);
    expect(runStatus({ state: state(400, { bestVLoss: 0.4, bestStep: 400, sinceBest: 0 }), log: lg, finished: true }).forecast).toBeNull();
    expect(runStatus({ state: state(400), log: lg, finished: false }).forecast).toBeNull();
  });
});

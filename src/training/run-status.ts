// Where a training run stands, read from its folder's files without loading a tensor: the
// checkpoint's state (step, training time, settings, early stopping) and the loss log (recent
// validations, the last training line); "finished" when the folder holds the published model.
// Pure; `diffpir train-status` reads the files (cli/commands/train-status.ts).
import type { TrainState } from './checkpoint.ts';
import { EarlyStop } from './early-stop.ts';
import { forecastStop, type StopForecast } from './stop-forecast.ts';
import type { LogLine } from './trainLog.ts';

/** The relative gain early stopping looks for unless the run was given --min-delta. */
export const DEFAULT_MIN_REL_DELTA = 0.005;
/** The patience train-regimes uses; the forecast assumes it unless told the run's --patience. */
export const DEFAULT_FORECAST_PATIENCE = 5;

export interface RunStatus {
  phase: 'finished' | 'in progress' | 'not started';
  /** Updates in the checkpoint (or the log's last step when only the log is there). */
  step: number | null;
  trainingMinutes: number | null;
  from: string | null;
  settings: string | null;
  earlyStop: { bestVLoss: number; bestStep: number; sinceBest: number; nextBelow: number } | null;
  validations: { step: number; vLoss: number }[];
  lastTrain: { step: number; loss: number; clipsPerSec: number | null; stepsPerSec: number | null } | null;
  /** Where the stopping rule would end the run at the trend of its recent validations (stop-forecast.ts). */
  forecast: (StopForecast & { patience: number }) | null;
  /** Log lines past the checkpoint's step (a run stopped at once: they are dropped on resume). */
  logAhead: number;
}

const num = (v: unknown): number | null => (typeof v === 'number' && Number.isFinite(v) ? v : null);

export function runStatus(o: {
  state?: TrainState; log: readonly LogLine[]; finished: boolean; recent?: number; minRelDelta?: number; patience?: number;
}): RunStatus {
  const s = o.state;
  const vals = o.log.filter((l) => l.kind === 'val' && num(l.vLoss) !== null).map((l) => ({ step: l.step, vLoss: l.vLoss as number }));
  const trains = o.log.filter((l) => l.kind === 'train' && num(l.loss) !== null);
  const last = trains[trains.length - 1];
  const set = (s?.settings ?? {}) as {
    batch?: number; seed?: number; ema?: number; adam?: { lr?: number }; config?: { channels?: number[] }; init?: { model?: string; hash?: string };
  };
  const es = s?.earlyStop;
  const step = s?.step ?? (o.log.length ? Math.max(...o.log.map((l) => l.step)) : null);
  const minRelDelta = o.minRelDelta ?? DEFAULT_MIN_REL_DELTA;
  const patience = o.patience ?? DEFAULT_FORECAST_PATIENCE;
  let forecast: RunStatus['forecast'] = null;
  if (s && es && Number.isFinite(es.bestVLoss) && !o.finished) {
    // the checkpoint's early stopping, brought up to the log's last validation
    const rule = new EarlyStop({ patience, minRelDelta }, es);
    for (const v of vals) if (v.step > s.step) rule.observe(v.vLoss, v.step);
    const f = forecastStop({ validations: vals, state: rule.state, patience, minRelDelta });
    forecast = f ? { ...f, patience } : null;
  }
  return {
    phase: o.finished ? 'finished' : s || o.log.length ? 'in progress' : 'not started',
    step,
    trainingMinutes: s ? s.elapsedSec / 60 : num(last?.time) !== null ? (last!.time as number) / 60 : null,
    from: set.init?.model ? `${set.init.model}${set.init.hash ? ` (weights ${set.init.hash.slice(0, 12)})` : ''}` : s ? 'random weights' : null,
    settings: s
      ? [`channels [${set.config?.channels?.join(', ') ?? '?'}]`, `batch ${set.batch ?? '?'}`, `lr ${set.adam?.lr ?? '?'}`, `seed ${set.seed ?? '?'}`,
        set.ema !== undefined ? `weight average ${set.ema}` : 'no weight average'].join(', ')
      : null,
    earlyStop: es && Number.isFinite(es.bestVLoss)
      ? { ...es, nextBelow: es.bestVLoss * (1 - minRelDelta) }
      : null,
    validations: vals.slice(-(o.recent ?? 6)),
    lastTrain: last ? { step: last.step, loss: last.loss as number, clipsPerSec: num(last.clipsPerSec), stepsPerSec: num(last.stepsPerSec) } : null,
    forecast,
    logAhead: s ? o.log.filter((l) => l.step > s.step).length : 0,
  };
}

export function formatRunStatus(dir: string, r: RunStatus, minRelDelta = DEFAULT_MIN_REL_DELTA): string {
  if (r.phase === 'not started') return `${dir}: no checkpoint and no loss log (not started here)`;
  const out = [`${dir}: ${r.phase}${r.step !== null ? ` at step ${r.step}` : ''}${r.trainingMinutes !== null ? `, ${r.trainingMinutes.toFixed(1)} min of training` : ''}`];
  if (r.from) out.push(`  from ${r.from}`);
  if (r.settings) out.push(`  ${r.settings}`);
  if (r.earlyStop) {
    const e = r.earlyStop;
    const since = e.sinceBest === 0 ? 'the latest validation' : `${e.sinceBest} validation${e.sinceBest === 1 ? '' : 's'} since without a ${(minRelDelta * 100).toFixed(1)} % gain`;
    out.push(`  early stopping: best validation v-loss ${e.bestVLoss.toFixed(4)} at step ${e.bestStep} (${since}); the next counts below ${e.nextBelow.toFixed(4)}`);
  }
  if (r.validations.length) {
    const best = r.earlyStop?.bestStep;
    out.push(`  validations: ${r.validations.map((v) => `${v.step} ${v.vLoss.toFixed(4)}${v.step === best ? '*' : ''}`).join(', ')}`);
  }
  if (r.lastTrain) out.push(`  last logged training loss ${r.lastTrain.loss.toFixed(4)} at step ${r.lastTrain.step}${r.lastTrain.clipsPerSec !== null ? ` (${r.lastTrain.clipsPerSec.toFixed(2)} clips/s)` : ''}`);
  const f = r.forecast;
  if (f) {
    const trend = `trend ${(f.relPer100 * 100).toFixed(2)} % per 100 steps (a + b·ln(step) fitted to the last ${f.fitted} validations)`;
    if (f.stopStep === null) out.push(`  ${trend}: at it, the rule (patience ${f.patience}) would not stop within ${f.horizon} more steps`);
    else {
      const sps = r.lastTrain?.stepsPerSec;
      const left = r.step !== null ? f.stopStep - r.step : null;
      const eta = left !== null && left > 0 && sps ? ` (~${(left / sps / 3600).toFixed(1)} h at the last logged ${sps.toFixed(3)} steps/s)` : '';
      out.push(`  ${trend}: at it, the rule (patience ${f.patience}) would stop at about step ${f.stopStep}${eta}, best v-loss about ${f.bestAtStop!.toFixed(4)}; an extrapolation, not a promise`);
    }
  }
  if (r.logAhead > 0) out.push(`  the log goes ${r.logAhead} line${r.logAhead === 1 ? '' : 's'} past the checkpoint (a run still training; a resume from the checkpoint drops them)`);
  return out.join('\n');
}

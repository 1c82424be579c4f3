// `diffpir train-status <run folder>...`: where training runs stand (step, training time, early
// stopping, recent validations), read from their files without loading a tensor; a train-regimes
// --out folder shows each regime's run. Safe while the run trains (the files are replaced by renames).
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import type { Command } from '../command.ts';
import { LabError } from '../../common/errors.ts';
import type { TrainState } from '../../training/checkpoint.ts';
import { CHECKPOINT_DIR, CHECKPOINT_JSON } from '../../training/run-store-node.ts';
import { DEFAULT_FORECAST_PATIENCE, DEFAULT_MIN_REL_DELTA, formatRunStatus, runStatus } from '../../training/run-status.ts';
import { parseLogLines, TRAIN_LOG } from '../../training/trainLog.ts';

const isRun = (dir: string) => [path.join(CHECKPOINT_DIR, CHECKPOINT_JSON), TRAIN_LOG, 'model.json'].some((f) => existsSync(path.join(dir, f)));

function readState(dir: string): TrainState | undefined {
  const file = path.join(dir, CHECKPOINT_DIR, CHECKPOINT_JSON);
  if (!existsSync(file)) return undefined;
  try {
    const s = JSON.parse(readFileSync(file, 'utf8')) as TrainState;
    if (s.format !== 'diffpir-train-checkpoint') throw new Error(`format ${String(s.format)}`);
    return s;
  } catch (e) {
    throw new LabError(`${file}: not a training checkpoint's state (${(e as Error).message})`);
  }
}

export const trainStatusCommand: Command = {
  name: 'train-status',
  summary: 'Where training runs stand (step, training time, early stopping, recent validations), from their folders; safe while they train',
  usage: 'npx diffpir train-status <run folder>... [--recent 6] [--min-delta 0.005] [--patience 5]\n' +
    '  a folder of train-diffusion --out, or of train-regimes --out (each regime\'s run is shown)\n' +
    '  --min-delta  the run\'s --min-delta, for "the next counts below" (default 0.005, as the trainers)\n' +
    '  --patience   the run\'s --patience, for the forecast of where the rule stops at the recent trend (default 5, as train-regimes)',
  async run(args) {
    const dirs = args.parsed.positionals;
    if (!dirs.length) throw new LabError('train-status: give one or more run folders, e.g. npx diffpir train-status .cache/train/regimes');
    const recent = args.num('recent', 6)!;
    const minRelDelta = args.num('min-delta', DEFAULT_MIN_REL_DELTA)!;
    const patience = args.num('patience', DEFAULT_FORECAST_PATIENCE)!;
    if (!Number.isInteger(patience) || patience < 1) throw new LabError(`train-status: --patience must be a positive integer, got ${patience}`);
    const blocks: string[] = [];
    for (const dir of dirs) {
      if (!existsSync(dir) || !statSync(dir).isDirectory()) throw new LabError(`train-status: ${dir}: no such folder`);
      const runs = isRun(dir) ? [dir] : readdirSync(dir).sort().map((d) => path.join(dir, d)).filter((d) => statSync(d).isDirectory() && isRun(d));
      if (!runs.length) throw new LabError(`train-status: ${dir} holds no training run (no ${CHECKPOINT_DIR}/${CHECKPOINT_JSON}, ${TRAIN_LOG} or model.json, here or one folder down)`);
      for (const run of runs) {
        const logFile = path.join(run, TRAIN_LOG);
        const log = existsSync(logFile) ? parseLogLines(readFileSync(logFile, 'utf8')) : [];
        const status = runStatus({ state: readState(run), log, finished: existsSync(path.join(run, 'model.json')), recent, minRelDelta, patience });
        blocks.push(formatRunStatus(run, status, minRelDelta));
      }
    }
    console.log(blocks.join('\n\n'));
  },
};

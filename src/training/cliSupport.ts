// Shared by the train-diffusion / train-regimes / eval-diffusion CLI commands: reading a U-Net
// config given as a file or a name, the training thread count, and a throttled progress printer
// for stderr.
import { existsSync, readFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { LabError } from '../common/errors.ts';
import type { Progress } from '../common/progress.ts';
import { NAMED_CONFIGS } from '../features/model-source.ts';
import { parseUNetConfig, type UNetConfig } from '../unet/config.ts';

/** A UNetV0 config from a JSON file (bare kwargs or under "unet") or a name (student, paper, tiny). */
export function readUNetConfig(fileOrName: string): UNetConfig {
  if (!existsSync(fileOrName)) {
    const named = NAMED_CONFIGS[fileOrName];
    if (named) return named;
    throw new LabError(`config "${fileOrName}": no such file and not a named config (${Object.keys(NAMED_CONFIGS).join(', ')})`);
  }
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(fileOrName, 'utf8'));
  } catch (e) {
    throw new LabError(`${fileOrName}: not valid JSON (${(e as Error).message})`);
  }
  return parseUNetConfig(json, fileOrName);
}

/**
 * The --threads of a training command: the given count, else 2 where the machine has 2 or more cores
 * (else 1); with a line saying which and why.
 */
export function trainThreads(given: number | undefined, command: string): { threads: number; line: string } {
  const cores = availableParallelism();
  if (given === undefined) {
    const threads = cores >= 2 ? 2 : 1;
    return { threads, line: `threads: ${threads} (default: ${cores} core${cores === 1 ? '' : 's'} available; --threads N to change)` };
  }
  if (!Number.isInteger(given) || given < 1 || given > 64) throw new LabError(`${command}: --threads must be an integer from 1 to 64, got ${given}`);
  return { threads: given, line: `threads: ${given}${given > cores ? ` (more than the ${cores} cores available: expect it slower)` : ''}` };
}

/** Prints a progress line to stderr at most every few seconds (and at the end of each stage). */
export function stderrProgress(intervalMs = 5000): (p: Progress) => void {
  let last = 0;
  let stage = '';
  return (p) => {
    const now = performance.now();
    const end = p.total > 0 && p.done >= p.total;
    if (p.stage === stage && !end && now - last < intervalMs) return;
    stage = p.stage;
    last = now;
    process.stderr.write(`${p.stage}: ${p.done}${p.total ? `/${p.total}` : ''}${p.detail ? ` ${p.detail}` : ''}\n`);
  };
}

/** A flag's value as a positive integer, or a LabError naming the flag (the CLI prefixes the command). */
export function positiveIntArg(v: number | undefined, flag: string): number {
  if (v === undefined || !Number.isInteger(v) || v < 1) throw new LabError(`--${flag} must be a positive integer, got ${v}`);
  return v;
}

/**
 * Ctrl-C for a training command: the first asks the run to stop at the end of the current step
 * (checkpoint saved, `--resume` continues exactly); a second quits at once (the last periodic
 * checkpoint stays). `dispose` removes the handler.
 */
export function gracefulStop(command: string, log: (line: string) => void = (l) => console.error(l)): { signal: AbortSignal; dispose(): void } {
  const controller = new AbortController();
  const onInt = () => {
    if (controller.signal.aborted) {
      log(`${command}: quitting now; the last periodic checkpoint is kept`);
      process.exit(130);
    }
    log(`${command}: stopping at the end of this step and saving a checkpoint (Ctrl-C again to quit at once)`);
    controller.abort();
  };
  process.on('SIGINT', onInt);
  return { signal: controller.signal, dispose: () => void process.off('SIGINT', onInt) };
}

/** --ema: the weight-average decay (a number in (0, 1)), "none" for no average, or `fallback` when not given. */
export function emaArg(value: string | undefined, fallback: number | undefined): number | undefined {
  if (value === undefined) return fallback;
  if (value === 'none') return undefined;
  const d = Number(value);
  if (!(d > 0 && d < 1)) throw new LabError(`--ema must be a decay in (0, 1) (e.g. 0.995) or "none", got "${value}"`);
  return d;
}

// Shared by the train-diffusion / eval-diffusion CLI commands: reading a U-Net config given as a
// file or a name, and a throttled progress printer for stderr.
import { existsSync, readFileSync } from 'node:fs';
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

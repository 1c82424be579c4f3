// Saving and loading probes as a folder in Node: probe.json + weights.bin.
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { LabError } from '../common/errors.ts';
import { loadProbe } from './load.ts';
import type { Probe } from './probe.ts';

export async function saveProbeDir(probe: Probe, dir: string): Promise<void> {
  const { json, weights } = await probe.toFiles();
  await mkdir(dir, { recursive: true });
  await writeFile(path.join(dir, probe.meta.weightsFile), weights);
  await writeFile(path.join(dir, 'probe.json'), json + '\n');
}

export async function loadProbeDir(dir: string): Promise<Probe> {
  const jsonPath = path.join(dir, 'probe.json');
  let json: string;
  try {
    json = await readFile(jsonPath, 'utf8');
  } catch {
    throw new LabError(`probe: cannot read ${jsonPath}`);
  }
  const file = (JSON.parse(json) as { weightsFile?: string }).weightsFile ?? 'weights.bin';
  const weightsPath = path.join(dir, path.basename(file));
  let weights: Uint8Array;
  try {
    weights = await readFile(weightsPath);
  } catch {
    throw new LabError(`probe: cannot read ${weightsPath}`);
  }
  return loadProbe(json, weights, dir);
}

// Node only: reading and writing manifest.json, and a clip's 16 kHz mono samples.
import { existsSync, readFileSync, renameSync, statSync, writeFileSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { loadAudio16k } from '../audio/load.ts';
import { LabError } from '../common/errors.ts';
import { formatManifest, parseManifest } from './manifest.ts';
import type { ClipRecord, CorpusManifest } from './types.ts';

export const MANIFEST_NAME = 'manifest.json';

/** The manifest path for a corpus folder or a manifest file path. */
export function manifestPath(dirOrFile: string): string {
  if (existsSync(dirOrFile) && statSync(dirOrFile).isDirectory()) return path.join(dirOrFile, MANIFEST_NAME);
  return dirOrFile;
}

/** Loads and checks a manifest (give its folder or the file); LabError naming the path otherwise. */
export function loadManifest(dirOrFile: string): CorpusManifest {
  const file = manifestPath(dirOrFile);
  if (!existsSync(file)) throw new LabError(`corpus manifest not found: ${file}`);
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(file, 'utf8'));
  } catch (e) {
    throw new LabError(`${file}: not valid JSON (${e instanceof Error ? e.message : String(e)})`);
  }
  return parseManifest(json, file);
}

/** Writes manifest.json into `dir` atomically (a temp file of this process, then rename), so two commands
 * checking the same corpus at once do not trip over one shared temp file. */
export function saveManifest(dir: string, manifest: CorpusManifest): string {
  mkdirSync(dir, { recursive: true });
  const file = path.join(dir, MANIFEST_NAME);
  const tmp = `${file}.${process.pid}.tmp`;
  writeFileSync(tmp, formatManifest(manifest));
  renameSync(tmp, file);
  return file;
}

/** Absolute path of a clip's audio: relative files resolve against audioRoot or the manifest's folder. */
export function clipPath(manifestDir: string, manifest: CorpusManifest, clip: ClipRecord): string {
  return path.resolve(manifest.audioRoot ?? manifestDir, clip.file);
}

/** A clip's samples as 16 kHz mono float32 (decoded, downmixed and resampled as needed). */
export async function readClipSamples(manifestDir: string, manifest: CorpusManifest, clip: ClipRecord): Promise<Float32Array> {
  const file = clipPath(manifestDir, manifest, clip);
  if (!existsSync(file)) throw new LabError(`clip ${clip.id}: audio file not found: ${file}`);
  const audio = await loadAudio16k(new Uint8Array(readFileSync(file)), file);
  return audio.samples;
}

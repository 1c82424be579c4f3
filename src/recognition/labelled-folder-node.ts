// Node: a folder of labelled audio as LabelledItems, from whichever layout it has, in this order:
// 1. a corpus folder (manifest.json, e.g. a rendered corpus or the real-recording validation set
//    of src/corpus/real-validation): the clips of one split (--split; a corpus with one split
//    needs none);
// 2. labels.json (see labels-parse.ts); audio files it does not list are left out with a warning;
// 3. IRMAS style: every audio file under the folder (recursively, sorted) labelled by the .txt
//    beside it or the [tag] of its name; a file with neither is an error naming it.
// Audio is read when the pipeline asks for it; a missing or undecodable file becomes a LabError
// naming it, which the pipelines turn into "skipped". The content id (12 hex) identifies the set:
// for a corpus the split's clips (ids, labels, checksums); otherwise the names, labels and the
// SHA-256 of each file's bytes as read.
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { loadAudio16k } from '../audio/load.ts';
import { LabError } from '../common/errors.ts';
import { contentId } from '../corpus/content-id.ts';
import { clipsOf } from '../corpus/manifest.ts';
import { loadManifest, readClipSamples } from '../corpus/manifest-node.ts';
import { SPLITS, type Split } from '../corpus/types.ts';
import { labelledSources } from '../evaluation/by-source.ts';
import { hashJson } from '../features/hash.ts';
import type { LabelledItem } from './items.ts';
import { isAudioName, labelFromBracketName, parseLabelsJson, parseLabelText } from './labels-parse.ts';

export type FolderLayout = 'corpus' | 'labels.json' | 'irmas';

export interface LabelledFolder {
  /** The folder's name (its basename), for reports and calibration.json. */
  name: string;
  layout: FolderLayout;
  /** The corpus split read, or null for labels.json / IRMAS folders. */
  split: Split | null;
  items: LabelledItem[];
  /** Things worth telling the user (files left out). */
  warnings: string[];
  /** The set's content id; for labels.json / IRMAS folders call it after the items were read. */
  contentId(): Promise<string>;
}

export interface OpenFolderOptions {
  /** The corpus split; only for corpus folders. */
  split?: Split;
  /** Warnings from decoding (resampling notes etc.) go here. */
  onWarning?: (w: string) => void;
}

/** Every audio file under `dir` (recursively, names starting with "." skipped), '/'-separated relative paths, sorted. */
export function listAudioFiles(dir: string): string[] {
  const out: string[] = [];
  const walk = (rel: string) => {
    for (const e of readdirSync(path.join(dir, rel), { withFileTypes: true })) {
      if (e.name.startsWith('.')) continue;
      const r = rel ? `${rel}/${e.name}` : e.name;
      if (e.isDirectory()) walk(r);
      else if (isAudioName(e.name)) out.push(r);
    }
  };
  walk('');
  return out.sort();
}

function fileReader(dir: string, rel: string, digests: Map<string, string>, opts: OpenFolderOptions): () => Promise<Float32Array> {
  return async () => {
    let bytes: Uint8Array;
    try {
      bytes = new Uint8Array(await readFile(path.join(dir, rel)));
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      throw new LabError(`${rel}: cannot read (${code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'a folder' : (e as Error).message})`);
    }
    digests.set(rel, createHash('sha256').update(bytes).digest('hex'));
    const audio = await loadAudio16k(bytes, rel);
    for (const w of audio.warnings) opts.onWarning?.(`${rel}: ${w}`);
    return audio.samples;
  };
}

export function openLabelledFolder(dir: string, opts: OpenFolderOptions = {}): LabelledFolder {
  if (!existsSync(dir) || !statSync(dir).isDirectory()) throw new LabError(`${dir}: no such folder`);
  const name = path.basename(path.resolve(dir));
  if (existsSync(path.join(dir, 'manifest.json'))) return corpusFolder(dir, name, opts);
  if (opts.split !== undefined) {
    throw new LabError(`--split applies to corpus folders (with manifest.json); ${dir} has none (its labels come from labels.json or .txt files / [tags])`);
  }
  const digests = new Map<string, string>();
  const warnings: string[] = [];
  let items: LabelledItem[];
  let layout: FolderLayout;
  if (existsSync(path.join(dir, 'labels.json'))) {
    layout = 'labels.json';
    const where = path.join(dir, 'labels.json');
    const labels = parseLabelsJson(readFileSync(where, 'utf8'), where);
    items = [...labels].map(([rel, codes]) => ({ name: rel, labels: codes, samples16k: fileReader(dir, rel, digests, opts) }));
    const unlisted = listAudioFiles(dir).filter((f) => !labels.has(f));
    if (unlisted.length) {
      warnings.push(`${unlisted.length} audio file${unlisted.length === 1 ? ' is' : 's are'} not in labels.json and left out: ${unlisted.slice(0, 5).join(', ')}${unlisted.length > 5 ? ', …' : ''}`);
    }
  } else {
    layout = 'irmas';
    const files = listAudioFiles(dir);
    if (files.length === 0) throw new LabError(`${dir}: no audio files (${['.wav', '.flac', '.ogg', '.mp3'].join(' ')}) and no labels.json or manifest.json`);
    const unlabelled: string[] = [];
    items = [];
    for (const rel of files) {
      const txt = path.join(dir, rel.replace(/\.[^.]+$/, '.txt'));
      let codes: string[] | undefined;
      if (existsSync(txt)) codes = parseLabelText(readFileSync(txt, 'utf8'), rel.replace(/\.[^.]+$/, '.txt'));
      else codes = labelFromBracketName(rel);
      if (!codes) unlabelled.push(rel);
      else items.push({ name: rel, labels: codes, samples16k: fileReader(dir, rel, digests, opts) });
    }
    if (unlabelled.length) {
      throw new LabError(
        `${unlabelled.length} audio file${unlabelled.length === 1 ? ' has' : 's have'} no labels (no .txt beside ${unlabelled.length === 1 ? 'it' : 'them'}, no [code] in the name, no labels.json in ${dir}): ` +
          `${unlabelled.slice(0, 5).join(', ')}${unlabelled.length > 5 ? ', …' : ''}`,
      );
    }
  }
  return {
    name, layout, split: null, items, warnings,
    contentId: async () => (await hashJson(items.map((it) => [it.name, it.labels, digests.get(it.name) ?? 'unread']))).slice(0, 12),
  };
}

function corpusFolder(dir: string, name: string, opts: OpenFolderOptions): LabelledFolder {
  const manifest = loadManifest(dir);
  const present = SPLITS.filter((s) => manifest.clips.some((c) => c.split === s));
  let split = opts.split;
  if (split === undefined) {
    if (present.length !== 1) {
      throw new LabError(`corpus ${dir} has ${present.join(', ') || 'no'} clips; say which split to read with --split ${present.join('|')}`);
    }
    split = present[0];
  }
  if (!SPLITS.includes(split)) throw new LabError(`--split must be one of ${SPLITS.join(', ')}, got "${split}"`);
  const clips = clipsOf(manifest, split);
  if (clips.length === 0) throw new LabError(`corpus ${dir}: no ${split} clips (it has ${present.join(', ')})`);
  return {
    name, layout: 'corpus', split, warnings: [],
    items: clips.map((c) => ({
      name: c.file ?? c.id,
      labels: [...c.labels],
      sources: labelledSources(c),
      samples16k: async () => {
        try {
          return await readClipSamples(dir, manifest, c);
        } catch (e) {
          if (e instanceof LabError) throw e;
          throw new LabError(`${c.file}: cannot read (${(e as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (e as Error).message})`);
        }
      },
    })),
    contentId: () => contentId(clips),
  };
}

// IRMAS folder reader (no I/O): from the list of files under the dataset folder, the training
// clips (label = the first [tag] of the file name, e.g. "[cla][cla]0189__1.wav" or
// "001__[vio][nod][cla]..."; other tags are drums [dru]/[nod] and genre) and the test clips
// (a .txt beside each audio file, one label per line). Anything unusable is listed as skipped.
import { isIrmasClass, type IrmasClass } from './classes.ts';
import { hashString } from './prng.ts';
import type { ClipRecord, SkippedRecord, Split } from './types.ts';

export interface ListedFile {
  /** Path relative to the dataset folder, '/'-separated. */
  path: string;
  /** Text content, for .txt files. */
  text?: string;
  /** Duration and sample rate when the caller could read them. */
  duration?: number;
  sampleRate?: number;
}

export interface IrmasImportOptions {
  /** Share of training songs held out as validation (by song, so excerpts of one song stay together). Default 0.15. */
  validationFraction?: number;
}

const AUDIO = /\.(wav|flac|ogg|mp3)$/i;
const GENRES: Record<string, string> = { cla: 'classical', pop_roc: 'pop-rock', jaz_blu: 'jazz-blues', cou_fol: 'country-folk', lat_sou: 'latin-soul' };

function stem(p: string): string {
  return p.replace(AUDIO, '').replace(/\.txt$/i, '');
}

function clipId(p: string): string {
  return stem(p).replace(/[^A-Za-z0-9_.-]+/g, '_').replace(/^_+|_+$/g, '');
}

/** Training clip from a tagged file name, or the reason it cannot be used. */
function trainingClip(f: ListedFile, validationFraction: number): ClipRecord | string {
  const name = f.path.split('/').pop()!;
  const tags = [...name.matchAll(/\[([^\]]+)\]/g)].map((m) => m[1].toLowerCase());
  if (tags.length === 0) return 'no [instrument] tag in the file name and no .txt label file beside it';
  const label = tags[0];
  if (!isIrmasClass(label)) return `unknown instrument tag [${tags[0]}]`;
  const folder = f.path.split('/').slice(-2, -1)[0]?.toLowerCase();
  if (folder && isIrmasClass(folder) && folder !== label) return `tag [${label}] disagrees with folder ${folder}/`;
  const meta: Record<string, string> = {};
  for (const t of tags.slice(1)) {
    if (t === 'dru' || t === 'nod') meta.drums = t === 'dru' ? 'yes' : 'no';
    else if (GENRES[t]) meta.genre = GENRES[t];
  }
  const song = `${label}/${name.replace(/\[[^\]]*\]/g, '').replace(/__\d+\.\w+$/, '')}`;
  const split: Split = (hashString(song) % 1000) / 1000 < validationFraction ? 'validation' : 'train';
  return record(f, split, [label], meta);
}

function record(f: ListedFile, split: Split, labels: IrmasClass[], meta: Record<string, string> = {}): ClipRecord {
  return {
    id: clipId(f.path),
    file: f.path,
    split,
    labels,
    duration: f.duration ?? 0,
    sampleRate: f.sampleRate ?? 0,
    ...(Object.keys(meta).length ? { meta } : {}),
  };
}

export function parseIrmasListing(files: ListedFile[], opts: IrmasImportOptions = {}): { clips: ClipRecord[]; skipped: SkippedRecord[] } {
  const validationFraction = opts.validationFraction ?? 0.15;
  const texts = new Map<string, string>();
  for (const f of files) if (/\.txt$/i.test(f.path) && f.text !== undefined) texts.set(stem(f.path), f.text);
  const clips: ClipRecord[] = [];
  const skipped: SkippedRecord[] = [];
  const audioStems = new Set<string>();
  for (const f of [...files].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0))) {
    if (!AUDIO.test(f.path)) continue;
    audioStems.add(stem(f.path));
    const text = texts.get(stem(f.path));
    if (text !== undefined) {
      const lines = text.split(/\r?\n/).map((l) => l.trim().toLowerCase()).filter(Boolean);
      const unknown = lines.filter((l) => !isIrmasClass(l));
      if (lines.length === 0) skipped.push({ item: f.path, why: 'label file is empty' });
      else if (unknown.length > 0) skipped.push({ item: f.path, why: `unknown label${unknown.length > 1 ? 's' : ''} ${unknown.join(', ')} in .txt` });
      else clips.push(record(f, 'test', [...new Set(lines as IrmasClass[])]));
      continue;
    }
    const c = trainingClip(f, validationFraction);
    if (typeof c === 'string') skipped.push({ item: f.path, why: c });
    else clips.push(c);
  }
  for (const [s] of texts) if (!audioStems.has(s)) skipped.push({ item: `${s}.txt`, why: 'label file without an audio file beside it' });
  const seen = new Map<string, number>();
  for (const c of clips) {
    const n = seen.get(c.id) ?? 0;
    seen.set(c.id, n + 1);
    if (n > 0) c.id = `${c.id}~${n}`;
  }
  return { clips, skipped };
}

// Labels of audio files in the three layouts `score` and `calibrate` read (no I/O here):
// - labels.json: {"file.wav": ["pia", "voi"], "sub/other.flac": []} (paths relative to the folder;
//   an empty list means none of the classes plays);
// - IRMAS test style: a .txt beside each audio file, one class code per line (blank lines and
//   surrounding spaces or tabs ignored);
// - IRMAS training style: the class code in the first [brackets] of the file name
//   ("[pia][jaz_blu]1234__1.wav"; later tags are genre or drums, and "cla" there is the genre).
import { LabError } from '../common/errors.ts';
import { isIrmasClass } from '../corpus/classes.ts';

export const AUDIO_EXTENSIONS = ['.wav', '.flac', '.ogg', '.mp3'] as const;
export const isAudioName = (name: string): boolean => AUDIO_EXTENSIONS.some((e) => name.toLowerCase().endsWith(e));

/** labels.json's entries, checked; `where` names the file in messages. */
export function parseLabelsJson(text: string, where = 'labels.json'): Map<string, string[]> {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (e) {
    throw new LabError(`${where}: not valid JSON (${(e as Error).message})`);
  }
  if (json === null || typeof json !== 'object' || Array.isArray(json)) {
    throw new LabError(`${where}: expected an object mapping file names to lists of class codes, e.g. {"a.wav": ["pia", "voi"]}`);
  }
  const out = new Map<string, string[]>();
  for (const [file, labels] of Object.entries(json as Record<string, unknown>)) {
    if (!Array.isArray(labels) || !labels.every((l) => typeof l === 'string')) {
      throw new LabError(`${where}: the labels of ${file} must be a list of class codes (e.g. ["pia"]), got ${JSON.stringify(labels)}`);
    }
    const codes = labels.map((l) => l.trim().toLowerCase());
    if (codes.some((c) => !c)) throw new LabError(`${where}: ${file} has an empty class code`);
    out.set(file.replace(/\\/g, '/'), [...new Set(codes)]);
  }
  if (out.size === 0) throw new LabError(`${where}: lists no files`);
  return out;
}

/** Class codes of an IRMAS-style .txt label file (`where` names it). */
export function parseLabelText(text: string, where: string): string[] {
  const codes = text.split(/\r?\n/).map((l) => l.trim().toLowerCase()).filter(Boolean);
  if (codes.length === 0) throw new LabError(`${where}: label file is empty (one class code per line expected)`);
  return [...new Set(codes)];
}

/** The class code in the first [tag] of an IRMAS training file name; undefined when the name has no tag. */
export function labelFromBracketName(fileName: string): string[] | undefined {
  const base = fileName.split('/').pop()!;
  const m = /\[([^\]]+)\]/.exec(base);
  if (!m) return undefined;
  const tag = m[1].trim().toLowerCase();
  if (!isIrmasClass(tag)) throw new LabError(`${fileName}: unknown instrument tag [${m[1]}] in the file name (the first [tag] must be a class code: cel cla flu gac gel org pia sax tru vio voi)`);
  return [tag];
}

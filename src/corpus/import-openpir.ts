// OpenPIR metadata reader (no I/O). OpenPIR (Cochran et al.) labels OpenMIC-2018 excerpts with
// IRMAS-compatible predominant instruments; the audio is the user's local OpenMIC copy.
// The exact field names of the published metadata could not be checked here, so the reader
// accepts the shapes such a file plausibly has and says so when it finds none:
//  - records: a JSON array, or {clips|samples|data|records|items|annotations: [...]}, or an
//    object keyed by OpenMIC sample key whose values are records;
//  - key: sample_key | openmic_key | key | id | sample_id (or the record's key in the object);
//  - labels: predominant | predominant_instruments | predominant_labels | irmas_labels |
//    labels | instruments, as a list, a "cel, vio" string, or {label: score} (score >= 0.5);
//    IRMAS codes or names ("cello", "acoustic_guitar", ...);
//  - split (optional): train | validation/val | test (default: train);
//  - audio (optional): audio | audio_path | file | path, relative to the audio root; otherwise
//    the OpenMIC layout audio/<key[0:3]>/<key>.ogg (also tried without "audio/", and flat);
//  - duration (optional, seconds; OpenMIC excerpts are 10 s), genre (optional, kept as meta).
import { LabError } from '../common/errors.ts';
import { toIrmasClass, type IrmasClass } from './classes.ts';
import type { ClipRecord, SkippedRecord, Split } from './types.ts';

export interface OpenPirImportOptions {
  /** Whether a path relative to the audio root exists. */
  exists: (relPath: string) => boolean;
  defaultSplit?: Split;
}

type Rec = Record<string, unknown>;
const LIST_KEYS = ['clips', 'samples', 'data', 'records', 'items', 'annotations'];
const KEY_FIELDS = ['sample_key', 'openmic_key', 'key', 'id', 'sample_id'];
const LABEL_FIELDS = ['predominant', 'predominant_instruments', 'predominant_labels', 'irmas_labels', 'labels', 'instruments'];
const AUDIO_FIELDS = ['audio', 'audio_path', 'file', 'path'];

const isRec = (v: unknown): v is Rec => typeof v === 'object' && v !== null && !Array.isArray(v);

function records(json: unknown): Rec[] {
  if (Array.isArray(json)) return json.filter(isRec);
  if (!isRec(json)) throw new LabError('OpenPIR metadata: expected a JSON array or object of records');
  for (const k of LIST_KEYS) if (Array.isArray(json[k])) return (json[k] as unknown[]).filter(isRec);
  const entries = Object.entries(json).filter(([, v]) => isRec(v));
  if (entries.length === 0) throw new LabError(`OpenPIR metadata: no records found (looked for an array, ${LIST_KEYS.join('/')}, or an object of records)`);
  return entries.map(([k, v]) => ({ sample_key: k, ...(v as Rec) }));
}

function labelsOf(r: Rec): string[] | undefined {
  for (const f of LABEL_FIELDS) {
    const v = r[f];
    if (Array.isArray(v)) return v.map(String);
    if (typeof v === 'string') return v.split(/[,;|]/).map((s) => s.trim()).filter(Boolean);
    if (isRec(v)) return Object.entries(v).filter(([, s]) => s === true || (typeof s === 'number' && s >= 0.5)).map(([k]) => k);
  }
  return undefined;
}

function splitOf(v: unknown, fallback: Split): Split | undefined {
  if (v === undefined) return fallback;
  const s = String(v).toLowerCase();
  if (s === 'train' || s === 'training') return 'train';
  if (s === 'validation' || s === 'val' || s === 'valid' || s === 'dev') return 'validation';
  if (s === 'test' || s === 'testing' || s === 'eval') return 'test';
  return undefined;
}

function audioCandidates(r: Rec, key: string): string[] {
  for (const f of AUDIO_FIELDS) if (typeof r[f] === 'string' && r[f]) return [r[f] as string];
  const dir = key.slice(0, 3);
  return ['ogg', 'wav', 'flac', 'mp3'].flatMap((ext) => [`audio/${dir}/${key}.${ext}`, `${dir}/${key}.${ext}`, `${key}.${ext}`]);
}

export function parseOpenPir(json: unknown, opts: OpenPirImportOptions): { clips: ClipRecord[]; skipped: SkippedRecord[] } {
  const clips: ClipRecord[] = [];
  const skipped: SkippedRecord[] = [];
  const seen = new Set<string>();
  records(json).forEach((r, i) => {
    const keyField = KEY_FIELDS.find((f) => typeof r[f] === 'string' || typeof r[f] === 'number');
    const key = keyField ? String(r[keyField]) : undefined;
    const item = key ?? `record ${i}`;
    if (!key) return skipped.push({ item, why: `no sample key (${KEY_FIELDS.join('/')})` });
    if (seen.has(key)) return skipped.push({ item, why: 'duplicate sample key' });
    const raw = labelsOf(r);
    if (!raw || raw.length === 0) return skipped.push({ item, why: `no predominant labels (${LABEL_FIELDS.join('/')})` });
    const unknown = raw.filter((l) => !toIrmasClass(l));
    if (unknown.length > 0) return skipped.push({ item, why: `label${unknown.length > 1 ? 's' : ''} ${unknown.map((u) => `"${u}"`).join(', ')} not an IRMAS class` });
    const split = splitOf(r.split ?? r.partition ?? r.set, opts.defaultSplit ?? 'train');
    if (!split) return skipped.push({ item, why: `unknown split "${String(r.split ?? r.partition ?? r.set)}"` });
    const candidates = audioCandidates(r, key);
    const file = candidates.find((c) => opts.exists(c));
    if (!file) return skipped.push({ item, why: `audio not found under the audio root (tried ${candidates.slice(0, 3).join(', ')}${candidates.length > 3 ? ', ...' : ''})` });
    seen.add(key);
    const labels = [...new Set(raw.map((l) => toIrmasClass(l) as IrmasClass))];
    const meta: Record<string, string> = {};
    if (typeof r.genre === 'string') meta.genre = r.genre;
    clips.push({
      id: key,
      file,
      split,
      labels,
      duration: typeof r.duration === 'number' ? r.duration : 10,
      sampleRate: 0,
      ...(Object.keys(meta).length ? { meta } : {}),
    });
  });
  return { clips, skipped };
}

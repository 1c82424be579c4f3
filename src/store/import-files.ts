// Imports in the browser: an IRMAS folder or OpenPIR metadata + an OpenMIC audio folder, given
// as File objects (a folder picker's files, or a dropped folder walked with walkDroppedItems).
// The browser twin of corpus/import-node.ts: the same parsers, reading .txt labels and WAV
// headers from the Files. Audio is not copied: the manifest names each clip's relative path.
import { LabError } from '../common/errors.ts';
import { parseIrmasListing, type IrmasImportOptions, type ListedFile } from '../corpus/import-irmas.ts';
import { parseOpenPir } from '../corpus/import-openpir.ts';
import { makeManifest } from '../corpus/manifest.ts';
import type { CorpusManifest, Split } from '../corpus/types.ts';
import { wavInfo } from '../corpus/wav-info.ts';

/** A picked or dropped file with its path relative to the chosen folder ('/'-separated). */
export interface PickedFile {
  path: string;
  file: Blob;
}

/** Paths relative to the picked folder: webkitRelativePath without its first segment. */
export function pickedFiles(files: ArrayLike<File>): PickedFile[] {
  return Array.from(files, (f) => {
    const rel = (f as File & { webkitRelativePath?: string }).webkitRelativePath || f.name;
    const parts = rel.split('/');
    return { path: parts.length > 1 ? parts.slice(1).join('/') : rel, file: f };
  }).filter((p) => !p.path.split('/').some((seg) => seg.startsWith('.')));
}

async function listed(p: PickedFile): Promise<ListedFile> {
  if (/\.txt$/i.test(p.path)) return { path: p.path, text: await p.file.text() };
  if (/\.wav$/i.test(p.path)) {
    const head = new Uint8Array(await p.file.slice(0, 65536).arrayBuffer());
    const info = wavInfo(head, p.file.size);
    return info ? { path: p.path, duration: info.duration, sampleRate: info.sampleRate } : { path: p.path };
  }
  return { path: p.path };
}

/** An IRMAS folder's files -> a manifest (audioRoot: the folder's name). */
export async function importIrmasFiles(files: PickedFile[], folderName: string, opts: IrmasImportOptions = {}): Promise<CorpusManifest> {
  if (files.length === 0) throw new LabError('IRMAS import: the folder is empty');
  const list = await Promise.all(files.map(listed));
  const { clips, skipped } = parseIrmasListing(list, opts);
  if (clips.length === 0) {
    throw new LabError(`no IRMAS clips found in ${folderName} (${skipped.length} files skipped${skipped[0] ? `, e.g. ${skipped[0].item}: ${skipped[0].why}` : ''})`);
  }
  return makeManifest('irmas', clips, skipped, { audioRoot: folderName, created: new Date().toISOString() });
}

/** OpenPIR metadata (a JSON file) + the OpenMIC audio folder's files -> a manifest. */
export async function importOpenPirFiles(json: File, audio: PickedFile[], folderName: string, defaultSplit?: Split): Promise<CorpusManifest> {
  let value: unknown;
  try {
    value = JSON.parse(await json.text());
  } catch (e) {
    throw new LabError(`${json.name}: not valid JSON (${(e as Error).message})`);
  }
  const have = new Set(audio.map((p) => p.path));
  const { clips, skipped } = parseOpenPir(value, { exists: (p) => have.has(p), defaultSplit });
  if (clips.length === 0) {
    throw new LabError(`${json.name}: no usable OpenPIR clips (${skipped.length} skipped${skipped[0] ? `, e.g. ${skipped[0].item}: ${skipped[0].why}` : ''})`);
  }
  return makeManifest('openpir', clips, skipped, { audioRoot: folderName, created: new Date().toISOString() });
}

interface EntryLike {
  isFile: boolean;
  isDirectory: boolean;
  name: string;
  file?(ok: (f: File) => void, fail: (e: unknown) => void): void;
  createReader?(): { readEntries(ok: (e: EntryLike[]) => void, fail: (e: unknown) => void): void };
}

/** Walks dropped items (folders included, via webkitGetAsEntry) into files with relative paths. */
export async function walkDroppedItems(items: DataTransferItemList): Promise<{ folder: string; files: PickedFile[] }> {
  const entries = Array.from(items).map((i) => i.webkitGetAsEntry?.() as EntryLike | null).filter((e): e is EntryLike => !!e);
  const files: PickedFile[] = [];
  const visit = async (e: EntryLike, rel: string): Promise<void> => {
    if (e.name.startsWith('.')) return;
    if (e.isFile && e.file) {
      files.push({ path: rel, file: await new Promise<File>((ok, fail) => e.file!(ok, fail)) });
    } else if (e.isDirectory && e.createReader) {
      const reader = e.createReader();
      for (;;) {
        const batch = await new Promise<EntryLike[]>((ok, fail) => reader.readEntries(ok, fail));
        if (batch.length === 0) break;
        for (const child of batch) await visit(child, rel ? `${rel}/${child.name}` : child.name);
      }
    }
  };
  const single = entries.length === 1 && entries[0].isDirectory ? entries[0] : null;
  if (single) await visit(single, '');
  else for (const e of entries) await visit(e, e.name);
  return { folder: single?.name ?? 'dropped files', files };
}

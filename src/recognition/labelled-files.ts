// Browser twin of labelled-folder-node.ts for a folder the user chose or dropped (files with
// '/'-separated paths relative to it): labels.json first, else IRMAS style (a .txt beside each
// audio file, or the class code in the first [tag] of its name). Same rules and messages; the
// audio stays a Blob, read and decoded only when scored. A corpus folder (manifest.json) is for
// `npx diffpir score`.
import { LabError } from '../common/errors.ts';
import type { SkippedItem } from './items.ts';
import { isAudioName, labelFromBracketName, parseLabelsJson, parseLabelText } from './labels-parse.ts';

export interface FolderFile {
  path: string;
  file: Blob;
}

export interface LabelledFile {
  name: string;
  labels: string[];
  file: Blob;
}

export interface LabelledFiles {
  layout: 'labels.json' | 'irmas';
  items: LabelledFile[];
  /** Files listed in labels.json but not in the folder (reported as skipped). */
  missing: SkippedItem[];
  warnings: string[];
}

const list = (names: string[]) => `${names.slice(0, 5).join(', ')}${names.length > 5 ? ', …' : ''}`;

export async function labelledFiles(files: readonly FolderFile[], folderName: string): Promise<LabelledFiles> {
  const byPath = new Map(files.filter((f) => !f.path.split('/').some((s) => s.startsWith('.'))).map((f) => [f.path, f.file]));
  const audio = [...byPath.keys()].filter(isAudioName).sort();
  const labelsJson = byPath.get('labels.json');
  if (labelsJson) {
    const labels = parseLabelsJson(await labelsJson.text(), `${folderName}/labels.json`);
    const items: LabelledFile[] = [];
    const missing: SkippedItem[] = [];
    for (const [name, codes] of labels) {
      const file = byPath.get(name);
      if (file) items.push({ name, labels: codes, file });
      else missing.push({ name, why: `${name}: cannot read (not in the chosen folder)` });
    }
    const unlisted = audio.filter((f) => !labels.has(f));
    const warnings = unlisted.length ? [`${unlisted.length} audio file${unlisted.length === 1 ? ' is' : 's are'} not in labels.json and left out: ${list(unlisted)}`] : [];
    return { layout: 'labels.json', items, missing, warnings };
  }
  if (audio.length === 0) {
    if (byPath.has('manifest.json')) throw new LabError(`${folderName} is a corpus folder (manifest.json): score it with \`npx diffpir score ${folderName} --split test\`, or add a labels.json`);
    throw new LabError(`${folderName}: no audio files (.wav .flac .ogg .mp3) and no labels.json`);
  }
  const items: LabelledFile[] = [];
  const unlabelled: string[] = [];
  for (const rel of audio) {
    const txtPath = rel.replace(/\.[^.]+$/, '.txt');
    const txt = byPath.get(txtPath);
    const codes = txt ? parseLabelText(await txt.text(), txtPath) : labelFromBracketName(rel);
    if (!codes) unlabelled.push(rel);
    else items.push({ name: rel, labels: codes, file: byPath.get(rel)! });
  }
  if (unlabelled.length) {
    throw new LabError(
      `${unlabelled.length} audio file${unlabelled.length === 1 ? ' has' : 's have'} no labels (no .txt beside ${unlabelled.length === 1 ? 'it' : 'them'}, no [code] in the name, no labels.json in ${folderName}): ${list(unlabelled)}`,
    );
  }
  return { layout: 'irmas', items, missing: [], warnings: [] };
}

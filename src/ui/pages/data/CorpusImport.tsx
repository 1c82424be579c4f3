// Imports: an IRMAS folder, or OpenPIR metadata (JSON) with its OpenMIC audio folder, by folder
// picker or by dropping the folder here. The manifest is stored; the audio stays where it is.
import { useState, type DragEvent } from 'react';
import { pickedFiles, walkDroppedItems, type PickedFile } from '../../../store/import-files.ts';
import { useCorpus } from '../../state/corpus.ts';

const folderOf = (files: FileList) => (files[0] as File & { webkitRelativePath?: string }).webkitRelativePath?.split('/')[0] || 'folder';
const dirProps = { webkitdirectory: '' } as Record<string, string>;

export function CorpusImport() {
  const { importing, importError, importIrmas, importOpenPir } = useCorpus();
  const [json, setJson] = useState<File | null>(null);
  const [over, setOver] = useState(false);
  const onDrop = async (e: DragEvent<HTMLElement>) => {
    e.preventDefault();
    setOver(false);
    const { folder, files } = await walkDroppedItems(e.dataTransfer.items);
    const meta = files.find((f) => /\.json$/i.test(f.path) && !f.path.includes('/'));
    if (meta && json === null && files.length > 1) {
      const audio: PickedFile[] = files.filter((f) => f !== meta);
      await importOpenPir(meta.file as File, audio, folder);
    } else if (json) {
      await importOpenPir(json, files, folder);
    } else {
      await importIrmas(files, folder);
    }
  };
  return (
    <section aria-labelledby="import-heading" className={over ? 'drop-zone drop-zone-over' : 'drop-zone'}
      onDragOver={(e) => { e.preventDefault(); setOver(true); }} onDragLeave={() => setOver(false)} onDrop={(e) => void onDrop(e)}>
      <h3 id="import-heading">Import a dataset</h3>
      <label>
        IRMAS folder{' '}
        <input type="file" multiple {...dirProps} disabled={importing} onChange={(e) => {
          const files = e.target.files;
          if (files?.length) void importIrmas(pickedFiles(files), folderOf(files));
          e.target.value = '';
        }} />
      </label>
      <label>
        OpenPIR metadata (JSON){' '}
        <input type="file" accept=".json,application/json" disabled={importing} onChange={(e) => setJson(e.target.files?.[0] ?? null)} />
      </label>
      <label>
        OpenMIC audio folder{' '}
        <input type="file" multiple {...dirProps} disabled={importing || !json} onChange={(e) => {
          const files = e.target.files;
          if (files?.length && json) void importOpenPir(json, pickedFiles(files), folderOf(files));
          e.target.value = '';
        }} />
      </label>
      <p className="hint">
        IRMAS: the training folders (labels from the [tag] in each file name) and/or the test folder (a .txt of labels beside each file).
        OpenPIR: pick its JSON first, then the OpenMIC audio folder. Or drop a folder here. The audio is read from your disk, never uploaded.
      </p>
      {importing && <p role="status" aria-live="polite">Reading the folder…</p>}
      {importError && <p className="error" role="alert">{importError}</p>}
    </section>
  );
}

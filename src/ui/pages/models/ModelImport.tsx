// Load your own model: a converted model folder (folder picker, or drop it here), or a PyTorch
// .safetensors checkpoint with its config.json (converted in the worker, with progress). It is
// kept in this browser; errors name the file and the key.
import { useState, type DragEvent } from 'react';
import { walkDroppedItems } from '../../../store/import-files.ts';
import { useModels } from '../../state/models.ts';
import { JobProgress } from '../explore/JobProgress.tsx';

export function ModelImport() {
  const { importing, importProgress, importError, lastImport, importFiles, cancelImport } = useModels();
  const [over, setOver] = useState(false);
  const onDrop = async (e: DragEvent<HTMLElement>) => {
    e.preventDefault();
    setOver(false);
    const { files, folder } = await walkDroppedItems(e.dataTransfer.items);
    void importFiles(files.map((f) => ({ path: folder === 'dropped files' ? f.path : `${folder}/${f.path}`, file: f.file })));
  };
  return (
    <section aria-labelledby="model-import-heading" className={over ? 'drop-zone drop-zone-over' : 'drop-zone'}
      onDragOver={(e) => { e.preventDefault(); setOver(true); }} onDragLeave={() => setOver(false)} onDrop={(e) => void onDrop(e)}>
      <h3 id="model-import-heading">Load your own model</h3>
      <label>
        Model folder{' '}
        <input type="file" multiple {...{ webkitdirectory: '' }} disabled={importing} onChange={(e) => {
          const files = e.target.files;
          if (files?.length) void importFiles(Array.from(files, (f) => ({ path: f.webkitRelativePath || f.name, file: f })));
          e.target.value = '';
        }} />
      </label>
      <label>
        Checkpoint and config files{' '}
        <input type="file" multiple accept=".safetensors,.json,.bin,.md" disabled={importing} onChange={(e) => {
          const files = e.target.files;
          if (files?.length) void importFiles(Array.from(files, (f) => ({ path: f.name, file: f })));
          e.target.value = '';
        }} />
      </label>
      <p className="hint">
        A folder made by <code>npx diffpir convert</code> (model.json, config.json, shards), or a <code>.safetensors</code> checkpoint of
        audio-diffusion-pytorch&rsquo;s UNetV0 together with its <code>config.json</code>. Drop them here or pick them. Nothing leaves this computer.
      </p>
      <JobProgress label="Model import progress" progress={importProgress} running={importing} onCancel={cancelImport} />
      {importError && <p className="error" role="alert">{importError}</p>}
      {lastImport && (
        <p role="status" className="ok">
          Stored {lastImport.info.name} ({lastImport.converted ? 'converted, ' : ''}{lastImport.tensors} tensors, {(lastImport.info.bytes / 1e6).toFixed(1)} MB).
          {lastImport.warnings.length > 0 && ` Warnings: ${lastImport.warnings.join('; ')}`}
        </p>
      )}
    </section>
  );
}

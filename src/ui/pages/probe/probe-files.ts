// Probes as files: probe.json + weights.bin (the folder format `diffpir recognize --probe <dir>`
// reads), and reading such a pair back from picked files into a saved record.
import { LabError } from '../../../common/errors.ts';
import type { ModelFilesPayload } from '../../../compute/messages/lab-common.ts';
import { downloadBlob, downloadText } from '../experiment/download.ts';
import { newRecordId, type ProbeRecord } from '../experiment/lab-records.ts';

export function exportProbeFiles(files: ModelFilesPayload): void {
  downloadText('probe.json', files.json, 'application/json');
  downloadBlob('weights.bin', new Blob([files.weights], { type: 'application/octet-stream' }));
}

/** A probe record from picked files: one .json (the probe's metadata) and its weights file. */
export async function probeFromFiles(picked: readonly File[]): Promise<ProbeRecord> {
  const json = picked.find((f) => f.name.endsWith('.json'));
  if (!json) throw new LabError('probe import: pick the probe.json file together with its weights.bin');
  let meta: { format?: string; weightsFile?: string; kind?: string; featureSpec?: { model?: string; tap?: string; sigma?: number } };
  const text = await json.text();
  try {
    meta = JSON.parse(text);
  } catch (e) {
    throw new LabError(`${json.name}: not valid JSON (${(e as Error).message})`);
  }
  if (meta.format !== 'diffpir-probe') throw new LabError(`${json.name}: not a DiffPIR probe (format is not "diffpir-probe")`);
  const wanted = meta.weightsFile ?? 'weights.bin';
  const weights = picked.find((f) => f.name === wanted) ?? picked.find((f) => f !== json && f.name.endsWith('.bin'));
  if (!weights) throw new LabError(`probe import: ${wanted} is missing; pick it together with ${json.name}`);
  const spec = meta.featureSpec ?? {};
  return {
    id: newRecordId(),
    name: `${(meta.kind ?? 'probe').toUpperCase()} · ${spec.model ?? '?'} · sigma ${spec.sigma ?? '?'} · ${spec.tap ?? '?'} (imported)`,
    savedAt: new Date().toISOString(),
    files: { json: text, weights: await weights.arrayBuffer() },
    result: null,
  };
}

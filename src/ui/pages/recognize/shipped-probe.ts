// The shipped default probe (models/probe-default/: probe.json + its weights file), fetched from
// the app's own origin. Absent until the project ships one: then null, and the page says so.
import type { ModelFilesPayload } from '../../../compute/messages/lab-common.ts';

export const SHIPPED_PROBE_DIR = 'models/probe-default/';

export interface ShippedProbe extends ModelFilesPayload {
  name: string;
  /** The model its features come from (featureSpec.model), e.g. "student-v1". */
  model: string;
}

export async function fetchShippedProbe(): Promise<ShippedProbe | null> {
  const base = new URL(SHIPPED_PROBE_DIR, document.baseURI);
  let res: Response;
  try {
    res = await fetch(new URL('probe.json', base));
  } catch {
    return null;
  }
  if (!res.ok) return null;
  const json = await res.text();
  let meta: { format?: string; weightsFile?: string; featureSpec?: { model?: string } };
  try {
    meta = JSON.parse(json);
  } catch {
    return null;
  }
  if (meta.format !== 'diffpir-probe') return null;
  const file = (meta.weightsFile ?? 'weights.bin').split('/').pop()!;
  const w = await fetch(new URL(file, base));
  if (!w.ok) return null;
  return { name: 'probe-default (shipped)', json, weights: await w.arrayBuffer(), model: meta.featureSpec?.model ?? '?' };
}

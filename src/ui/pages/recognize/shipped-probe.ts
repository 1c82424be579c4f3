// The shipped default probe (models/probe-default/: probe.json + its weights file, card.json for
// what made it, calibration.json when it has one), fetched from the app's own origin. Absent:
// null, and the page says so.
import type { ModelFilesPayload } from '../../../compute/messages/lab-common.ts';
import { isServedFile } from '../../../common/served-file.ts';
import type { ProbeCardJson } from './probe-facts.ts';

export const SHIPPED_PROBE_DIR = 'models/probe-default/';

export interface ShippedProbe extends ModelFilesPayload {
  name: string;
  /** The model its features come from (featureSpec.model), e.g. "student-v1". */
  model: string;
  /** card.json beside it (provenance, validation and test scores), or null. */
  card: ProbeCardJson | null;
  /** calibration.json's text (checked against the weights in the worker), or null. */
  calibration: string | null;
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
  const card = await fetch(new URL('card.json', base)).then((r) => (r.ok ? (r.json() as Promise<ProbeCardJson>) : null)).catch(() => null);
  const calibration = await fetch(new URL('calibration.json', base)).then((r) => (isServedFile(r) ? r.text() : null)).catch(() => null);
  return { name: 'probe-default (shipped)', json, weights: await w.arrayBuffer(), model: meta.featureSpec?.model ?? '?', card, calibration };
}

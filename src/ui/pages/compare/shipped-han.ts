// A shipped Han CNN under models/ (a folder whose model.json has format "diffpir-han-cnn"),
// found through models/index.json and fetched from the app's own origin; null when none.
import type { ModelFilesPayload } from '../../../compute/messages/lab-common.ts';

export async function fetchShippedHan(): Promise<(ModelFilesPayload & { name: string }) | null> {
  try {
    const res = await fetch(new URL('models/index.json', document.baseURI));
    if (!res.ok) return null;
    const index = (await res.json()) as { models?: { name: string; files: string[]; config: unknown }[] };
    for (const m of index.models ?? []) {
      if (m.config !== null || !m.files.includes('model.json')) continue;
      const base = new URL(`models/${m.name}/`, document.baseURI);
      const json = await (await fetch(new URL('model.json', base))).text();
      const meta = JSON.parse(json) as { format?: string; weightsFile?: string };
      if (meta.format !== 'diffpir-han-cnn') continue;
      const w = await fetch(new URL((meta.weightsFile ?? 'weights.bin').split('/').pop()!, base));
      if (!w.ok) continue;
      return { name: m.name, json, weights: await w.arrayBuffer() };
    }
  } catch {
    // No index or an unreadable entry: no shipped Han CNN.
  }
  return null;
}

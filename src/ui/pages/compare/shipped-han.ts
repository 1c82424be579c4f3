// A trained Han CNN from outside this page: shipped under models/ (a folder whose model.json has
// format "diffpir-han-cnn", found through models/index.json and fetched from the app's own
// origin; null when none), or picked files (model.json + weights.bin, e.g. from train-baseline).
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
      return { name: `shipped ${m.name}`, json, weights: await w.arrayBuffer() };
    }
  } catch {
    // No index or an unreadable entry: no shipped Han CNN.
  }
  return null;
}

/** model.json + its weights file picked by the user. */
export async function hanFromFiles(files: readonly File[]): Promise<ModelFilesPayload & { name: string }> {
  const json = files.find((f) => f.name.endsWith('.json'));
  if (!json) throw new Error('Han CNN import: pick model.json together with its weights.bin');
  const text = await json.text();
  let meta: { format?: string; weightsFile?: string };
  try {
    meta = JSON.parse(text);
  } catch (e) {
    throw new Error(`${json.name}: not valid JSON (${(e as Error).message})`);
  }
  if (meta.format !== 'diffpir-han-cnn') throw new Error(`${json.name}: not a Han CNN model (format is not "diffpir-han-cnn")`);
  const wanted = (meta.weightsFile ?? 'weights.bin').split('/').pop()!;
  const weights = files.find((f) => f.name === wanted) ?? files.find((f) => f !== json && f.name.endsWith('.bin'));
  if (!weights) throw new Error(`Han CNN import: ${wanted} is missing; pick it together with ${json.name}`);
  return { name: `imported ${json.name}`, json: text, weights: await weights.arrayBuffer() };
}

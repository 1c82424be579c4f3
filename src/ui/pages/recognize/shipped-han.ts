// The Han CNN that Recognize runs beside the probe: one folder under models/, named here only
// (switch it here). Its model.json is fetched from the app's own origin for the label shown
// before any result; the worker loads the folder itself (src/compute/handlers/recognize-han.ts).
import { hanSummary, type HanSummary } from '../../../baseline/summary.ts';

/** The folder under models/ shipped for Recognize. */
export const RECOGNIZE_HAN_FOLDER = 'han-cnn-recorded';

/** What models/<folder>/model.json says about the model, or null when the folder is not served. */
export async function fetchHanSummary(folder = RECOGNIZE_HAN_FOLDER): Promise<HanSummary | null> {
  try {
    const res = await fetch(new URL(`models/${folder}/model.json`, document.baseURI));
    if (!res.ok) return null;
    const meta = (await res.json()) as Parameters<typeof hanSummary>[0] & { format?: string };
    return meta.format === 'diffpir-han-cnn' ? hanSummary(meta) : null;
  } catch {
    return null;
  }
}

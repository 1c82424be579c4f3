// The shipped recognizer when it is a declared combination of the page's two models
// (models/recognizer/: combination.json, calibration.json, card.md, made by `npx diffpir combine`
// and `npx diffpir calibrate`), fetched from the app's own origin. Absent or not a combination:
// null, and Recognize shows the two answers only.
import { isServedFile } from '../../../common/served-file.ts';
import { memberName } from '../../../recognition/combination-answer.ts';
import { parseCombination, type CombinationSpec } from '../../../recognition/combination.ts';

export const SHIPPED_RECOGNIZER_DIR = 'models/recognizer/';

export interface ShippedRecognizer {
  /** "models/recognizer" (for messages). */
  folder: string;
  spec: CombinationSpec;
  /** calibration.json's text (checked against the members' answers' identities), or null. */
  calibration: string | null;
  /** "probe-default + han-cnn-recorded" */
  members: string;
}

/** The shipped combination, or null when the build has none; a malformed combination.json throws (a LabError naming it). */
export async function fetchShippedRecognizer(): Promise<ShippedRecognizer | null> {
  const base = new URL(SHIPPED_RECOGNIZER_DIR, document.baseURI);
  const res = await fetch(new URL('combination.json', base)).catch(() => null);
  if (!res || !isServedFile(res)) return null;
  const folder = SHIPPED_RECOGNIZER_DIR.replace(/\/$/, '');
  const spec = parseCombination(await res.text(), `${folder}/combination.json`);
  const cal = await fetch(new URL('calibration.json', base)).then((r) => (isServedFile(r) ? r.text() : null)).catch(() => null);
  return { folder, spec, calibration: cal, members: spec.members.map((m) => memberName(m.folder)).join(' + ') };
}

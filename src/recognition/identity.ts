// Browser-safe twin of open-node.ts's identity check: the SHA-256 (16 hex) of a model's weights
// bytes (Web Crypto, in the worker and in Node 20), and a calibration.json text checked against
// it, so the app applies a folder's calibration exactly when the CLI would and refuses a stale one
// with the same advice.
import { readCalibrationText } from '../calibration/file.ts';
import type { Calibration } from '../calibration/types.ts';
import { LabError } from '../common/errors.ts';
import type { ModelIdentity } from './recognizer.ts';

export async function weightsIdentity(kind: ModelIdentity['kind'], weights: ArrayBuffer | Uint8Array): Promise<ModelIdentity> {
  const bytes = weights instanceof Uint8Array ? weights : new Uint8Array(weights);
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', bytes as Uint8Array<ArrayBuffer>));
  return { kind, weights: Array.from(digest.subarray(0, 8), (b) => b.toString(16).padStart(2, '0')).join('') };
}

/** calibration.json of `folder` (text, or null when it has none), checked against the weights' identity. */
export function calibrationFor(text: string | null, identity: ModelIdentity, folder: string): Calibration | null {
  if (text === null) return null;
  const where = `${folder.replace(/\/$/, '')}/calibration.json`;
  const cal = readCalibrationText(text, where);
  if (cal.model.kind !== identity.kind || cal.model.weights !== identity.weights) {
    throw new LabError(
      `${where} was fitted for other weights (${cal.model.kind} ${cal.model.weights}, the folder has ${identity.kind} ${identity.weights}); ` +
        `refit it with \`npx diffpir calibrate ${folder.replace(/\/$/, '')} --on <validation set>\``,
    );
  }
  return cal;
}

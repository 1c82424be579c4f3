// Browser storage running out: recognizing the error (a DOMException "QuotaExceededError", or an
// aborted IndexedDB transaction saying so) and turning it into one LabError (code "quota") that
// says what was kept and what to do. Writes are one item at a time, so a full quota never
// removes anything stored before.
import { LabError } from '../common/errors.ts';

export const QUOTA_CODE = 'quota';

export function isQuotaError(e: unknown): boolean {
  if (e instanceof LabError) return e.code === QUOTA_CODE;
  const err = e as { name?: string; message?: string; inner?: unknown } | null;
  if (!err || typeof err !== 'object') return false;
  if (err.name === 'QuotaExceededError') return true;
  return /quota/i.test(err.message ?? '');
}

/** The LabError for a full store. */
export function quotaError(store: string, cause?: unknown): LabError {
  const why = cause instanceof Error && cause.message ? ` (${cause.message})` : '';
  return new LabError(
    `browser storage is full: ${store} could not store more${why}. Everything stored before is kept; ` +
      'free space (delete a corpus, a user model or the feature cache) and try again.',
    QUOTA_CODE,
  );
}

export interface StorageUse {
  usage: number;
  quota: number;
}

/** The origin's storage use and quota, when the browser tells. */
export async function storageUse(): Promise<StorageUse | null> {
  const storage = (globalThis.navigator as Navigator | undefined)?.storage;
  if (!storage?.estimate) return null;
  const { usage, quota } = await storage.estimate();
  return usage !== undefined && quota !== undefined ? { usage, quota } : null;
}

// Time left of a long run from the units done in this session; units skipped because they were
// already done (before a reload, or shared between stages) take no time, so they are left out of
// the rate.
export function secondsLeft(doneNow: number, skipped: number, planned: number, elapsedSec: number): number | null {
  const ran = doneNow - skipped;
  if (ran <= 0 || elapsedSec <= 0 || planned <= doneNow) return planned <= doneNow ? 0 : null;
  return ((planned - doneNow) * elapsedSec) / ran;
}

export function formatDuration(sec: number | null): string {
  if (sec === null || !Number.isFinite(sec)) return 'estimating…';
  if (sec < 1) return 'under a second';
  if (sec < 90) return `${Math.round(sec)} s`;
  if (sec < 5400) return `${Math.round(sec / 60)} min`;
  return `${(sec / 3600).toFixed(1)} h`;
}

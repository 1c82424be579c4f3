// Axis ticks for the mel heatmap: where a frequency sits among the 128 HTK mel bands (0-8 kHz),
// and round time ticks for a clip's duration.
import { MEL_CONFIG } from '../../audio/config.ts';
import { hzToMelHtk } from '../../audio/mel-filterbank.ts';

/** Fractional height (0 = bottom, 1 = top) of frequency `hz` on the mel axis. */
export function melAxisPosition(hz: number): number {
  return hzToMelHtk(Math.min(hz, MEL_CONFIG.fMax)) / hzToMelHtk(MEL_CONFIG.fMax);
}

export const FREQUENCY_TICKS_HZ = [250, 500, 1000, 2000, 4000, 8000];

export function formatHz(hz: number): string {
  return hz >= 1000 ? `${hz / 1000} kHz` : `${hz} Hz`;
}

/** Round tick times (s) so that about `target` ticks cover [0, duration]. */
export function timeTicks(durationSec: number, target = 8): number[] {
  if (!(durationSec > 0)) return [0];
  const raw = durationSec / target;
  const step = [0.1, 0.2, 0.5, 1, 2, 5, 10, 15, 30, 60, 120].find((s) => s >= raw) ?? 300;
  const out: number[] = [];
  for (let t = 0; t <= durationSec + 1e-9; t += step) out.push(Number(t.toFixed(3)));
  return out;
}

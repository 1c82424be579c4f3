// What rendering a preset will cost in this browser: time (from the rate measured on the last
// render here, else the README's Chromium figure) and storage (16 kHz 16-bit WAV).
import { type PresetInfo } from './presets.ts';

/** Seconds of wall time per second of audio before anything was measured here (~8x real time). */
export const DEFAULT_SECONDS_PER_AUDIO_SECOND = 0.12;
/** Bytes stored per second of audio: 16 kHz, 16-bit mono WAV. */
const BYTES_PER_AUDIO_SECOND = 32_000;

export function renderSeconds(audioSeconds: number, rate = DEFAULT_SECONDS_PER_AUDIO_SECOND): number {
  return audioSeconds * rate;
}

export function storedMB(audioSeconds: number): number {
  return (audioSeconds * BYTES_PER_AUDIO_SECOND) / 1e6;
}

/** Audio seconds of a preset's clips not stored yet (scaled by the share of clips missing). */
export function audioLeft(p: PresetInfo, totalClips: number, haveClips: number): number {
  return totalClips > 0 ? p.audioSeconds * Math.max(0, totalClips - haveClips) / totalClips : 0;
}

export function formatDuration(s: number): string {
  if (s < 90) return `${Math.max(1, Math.round(s))} s`;
  if (s < 90 * 60) return `${Math.round(s / 60)} min`;
  return `${(s / 3600).toFixed(1)} h`;
}

export function formatMB(mb: number): string {
  return mb < 10 ? `${mb.toFixed(1)} MB` : `${Math.round(mb)} MB`;
}

const RATE_KEY = 'diffpir-render-rate';

/** The render rate measured in this browser (wall seconds per audio second), if any. */
export function measuredRate(): number | null {
  try {
    const v = Number(localStorage.getItem(RATE_KEY));
    return v > 0 && Number.isFinite(v) ? v : null;
  } catch {
    return null;
  }
}

export function saveRate(wallSeconds: number, audioSeconds: number): void {
  if (!(audioSeconds > 30) || !(wallSeconds > 0)) return;
  try {
    localStorage.setItem(RATE_KEY, String(wallSeconds / audioSeconds));
  } catch {
    /* private mode: the default estimate stays */
  }
}

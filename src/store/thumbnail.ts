// A log-mel as a small picture: max-pooled to `bands` × `columns` cells and mapped to 0..255 over
// an 80 dB window below the peak (row 0 = lowest band). The page colours it.
export const LOG_RANGE_80DB = Math.log(1e4);

export function melThumbnail(logMel: Float32Array, nMels: number, frames: number, bands: number, columns: number): { bands: number; columns: number; levels: Uint8Array } {
  const b = Math.max(1, Math.min(bands, nMels));
  const c = Math.max(1, Math.min(columns, frames));
  const pooled = new Float32Array(b * c).fill(-Infinity);
  for (let m = 0; m < nMels; m++) {
    const row = Math.min(b - 1, Math.floor((m * b) / nMels));
    for (let t = 0; t < frames; t++) {
      const col = Math.min(c - 1, Math.floor((t * c) / frames));
      const v = logMel[m * frames + t];
      if (v > pooled[row * c + col]) pooled[row * c + col] = v;
    }
  }
  let peak = -Infinity;
  for (const v of pooled) if (v > peak) peak = v;
  const floor = peak - LOG_RANGE_80DB;
  const levels = new Uint8Array(b * c);
  for (let i = 0; i < pooled.length; i++) levels[i] = Math.max(0, Math.min(255, Math.round(((pooled[i] - floor) / LOG_RANGE_80DB) * 255)));
  return { bands: b, columns: c, levels };
}

// Turns a log-mel [nMels, frames] (row-major) into RGBA pixels, frames across and the lowest
// band at the bottom row, coloured over an 80 dB window below the clip's peak.
import { VIRIDIS } from './colormap.ts';

/** Natural-log span of an 80 dB magnitude range: ln(10^(80/20)). */
export const LOG_RANGE_80DB = Math.log(1e4);

export interface MelImage {
  width: number;
  height: number;
  rgba: Uint8ClampedArray;
  /** The log values mapped to the bottom and top of the colour map. */
  vmin: number;
  vmax: number;
}

export function melToImage(logMel: Float32Array, nMels: number, frames: number, lut = VIRIDIS): MelImage {
  let vmax = -Infinity;
  let lowest = Infinity;
  for (let i = 0; i < logMel.length; i++) {
    if (logMel[i] > vmax) vmax = logMel[i];
    if (logMel[i] < lowest) lowest = logMel[i];
  }
  const vmin = Math.max(lowest, vmax - LOG_RANGE_80DB);
  const scale = vmax > vmin ? 255 / (vmax - vmin) : 0;
  const rgba = new Uint8ClampedArray(frames * nMels * 4);
  for (let band = 0; band < nMels; band++) {
    const row = nMels - 1 - band;
    for (let t = 0; t < frames; t++) {
      const level = Math.max(0, Math.min(255, Math.round((logMel[band * frames + t] - vmin) * scale)));
      const o = (row * frames + t) * 4;
      rgba[o] = lut[level * 3];
      rgba[o + 1] = lut[level * 3 + 1];
      rgba[o + 2] = lut[level * 3 + 2];
      rgba[o + 3] = 255;
    }
  }
  return { width: frames, height: nMels, rgba, vmin, vmax };
}

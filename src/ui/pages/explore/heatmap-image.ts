// Values [rows, cols] (row-major, row 0 = lowest band) -> RGBA pixels with the lowest row at the
// bottom. Two scales: "mel" (viridis over an 80 dB window below the peak, for log-mels) and
// "signed" (a diverging blue-white-red map symmetric about 0, for activations).
import { VIRIDIS } from '../../draw/colormap.ts';

export type HeatScale = 'mel' | 'signed';

const LOG_RANGE_80DB = Math.log(1e4);

function buildDiverging(): Uint8ClampedArray {
  const lut = new Uint8ClampedArray(256 * 3);
  const blue = [0x2c, 0x5d, 0x9e];
  const red = [0xb2, 0x2b, 0x2b];
  for (let i = 0; i < 256; i++) {
    const t = (i - 127.5) / 127.5; // -1 .. 1
    const end = t < 0 ? blue : red;
    const a = Math.min(1, Math.abs(t));
    for (let c = 0; c < 3; c++) lut[i * 3 + c] = Math.round(255 * (1 - a) + end[c] * a);
  }
  return lut;
}

export const DIVERGING = buildDiverging();

export interface HeatImage {
  width: number;
  height: number;
  rgba: Uint8ClampedArray;
  /** Values at the two ends of the colour scale. */
  lo: number;
  hi: number;
}

/** The value range a scale maps to colours 0 and 255. */
export function heatRange(values: Float32Array, scale: HeatScale, fixedHi?: number): [number, number] {
  let max = -Infinity;
  let min = Infinity;
  let absMax = 0;
  for (const v of values) {
    if (v > max) max = v;
    if (v < min) min = v;
    if (Math.abs(v) > absMax) absMax = Math.abs(v);
  }
  if (scale === 'signed') {
    const hi = fixedHi ?? (absMax || 1);
    return [-hi, hi];
  }
  const hi = fixedHi ?? max;
  return [Math.max(min, hi - LOG_RANGE_80DB), hi];
}

export function heatImage(values: Float32Array, rows: number, cols: number, scale: HeatScale, fixedHi?: number): HeatImage {
  const [lo, hi] = heatRange(values, scale, fixedHi);
  const lut = scale === 'signed' ? DIVERGING : VIRIDIS;
  const k = hi > lo ? 255 / (hi - lo) : 0;
  const rgba = new Uint8ClampedArray(rows * cols * 4);
  for (let r = 0; r < rows; r++) {
    const y = rows - 1 - r;
    for (let c = 0; c < cols; c++) {
      const level = Math.max(0, Math.min(255, Math.round((values[r * cols + c] - lo) * k)));
      const o = (y * cols + c) * 4;
      rgba[o] = lut[level * 3];
      rgba[o + 1] = lut[level * 3 + 1];
      rgba[o + 2] = lut[level * 3 + 2];
      rgba[o + 3] = 255;
    }
  }
  return { width: cols, height: rows, rgba, lo, hi };
}

// A perceptual colour map for heatmaps: piecewise-linear through samples of matplotlib's
// "viridis" (dark blue -> green -> yellow; monotone in lightness, readable in grey and by
// most colour-blind readers). Returned as a 256-entry RGB lookup table.
const VIRIDIS_STOPS: [number, number, number][] = [
  [0x44, 0x01, 0x54], [0x48, 0x28, 0x78], [0x3e, 0x4a, 0x89], [0x31, 0x68, 0x8e], [0x26, 0x82, 0x8e],
  [0x1f, 0x9e, 0x89], [0x35, 0xb7, 0x79], [0x6d, 0xcd, 0x59], [0xb4, 0xde, 0x2c], [0xfd, 0xe7, 0x25],
];

function buildLut(stops: [number, number, number][]): Uint8ClampedArray {
  const lut = new Uint8ClampedArray(256 * 3);
  for (let i = 0; i < 256; i++) {
    const x = (i / 255) * (stops.length - 1);
    const k = Math.min(stops.length - 2, Math.floor(x));
    const f = x - k;
    for (let c = 0; c < 3; c++) lut[i * 3 + c] = Math.round(stops[k][c] * (1 - f) + stops[k + 1][c] * f);
  }
  return lut;
}

export const VIRIDIS = buildLut(VIRIDIS_STOPS);

// sigma <-> the DDPM integer noise level t of 1000 (linear beta schedule 1e-4..0.02, t 0-based,
// sigma = (2/pi) arccos(sqrt(alphabar_t))): the same mapping as unet/diffusion.ts, without
// pulling TensorFlow.js into the page. Tested equal to it.
const T = 1000;

let table: Float64Array | undefined;

/** sigma of every t = 0..T-1. */
function sigmas(): Float64Array {
  if (table) return table;
  table = new Float64Array(T);
  let alphabar = 1;
  for (let t = 0; t < T; t++) {
    alphabar *= 1 - (1e-4 + ((0.02 - 1e-4) * t) / (T - 1));
    table[t] = (2 / Math.PI) * Math.acos(Math.sqrt(alphabar));
  }
  return table;
}

/** The DDPM t (of 1000) whose sigma is nearest. */
export function ddpmTOfSigma(sigma: number): number {
  const s = sigmas();
  let lo = 0;
  let hi = T - 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (s[mid] < sigma) lo = mid + 1;
    else hi = mid;
  }
  return lo > 0 && Math.abs(s[lo - 1] - sigma) <= Math.abs(s[lo] - sigma) ? lo - 1 : lo;
}

export function sigmaOfDdpmT(t: number): number {
  return sigmas()[Math.max(0, Math.min(T - 1, Math.round(t)))];
}

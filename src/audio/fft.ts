// Mixed-radix complex FFT (Stockham autosort, decimation in frequency) for any length,
// with dedicated radix-4 and radix-2 butterflies and a generic small-prime butterfly.
// Twiddles are precomputed once per plan; transforms run in float64. Used by the mel front
// end (n_fft 640 = 4*4*4*2*5), where two real frames share one complex transform.
import { LabError } from '../common/errors.ts';

interface Stage {
  radix: number;
  /** Sub-transform length after this stage (n_s / radix). */
  m: number;
  /** Input stride of this stage. */
  stride: number;
  /** Twiddles W^(p*k), p < m, 1 <= k < radix, laid out [p][k-1]. */
  twRe: Float64Array;
  twIm: Float64Array;
}

function factorise(n: number): number[] {
  const radices: number[] = [];
  let rest = n;
  while (rest % 4 === 0) { radices.push(4); rest /= 4; }
  while (rest % 2 === 0) { radices.push(2); rest /= 2; }
  for (let f = 3; f * f <= rest; f += 2) {
    while (rest % f === 0) { radices.push(f); rest /= f; }
  }
  if (rest > 1) radices.push(rest);
  return radices;
}

/** A forward FFT of one fixed length; `transform` works in place on split re/im arrays. */
export class FftPlan {
  private readonly stages: Stage[] = [];
  private readonly tmpRe: Float64Array;
  private readonly tmpIm: Float64Array;
  /** cos/sin of -2*pi*j/r for the generic butterfly, per radix. */
  private readonly rootsCache = new Map<number, { re: Float64Array; im: Float64Array }>();

  constructor(readonly n: number) {
    if (!Number.isInteger(n) || n < 1) throw new LabError(`FFT length must be a positive integer, got ${n}`);
    this.tmpRe = new Float64Array(n);
    this.tmpIm = new Float64Array(n);
    let ns = n;
    let stride = 1;
    for (const radix of factorise(n)) {
      const m = ns / radix;
      const twRe = new Float64Array(m * (radix - 1));
      const twIm = new Float64Array(m * (radix - 1));
      for (let p = 0; p < m; p++) {
        for (let k = 1; k < radix; k++) {
          const angle = (-2 * Math.PI * p * k) / ns;
          twRe[p * (radix - 1) + k - 1] = Math.cos(angle);
          twIm[p * (radix - 1) + k - 1] = Math.sin(angle);
        }
      }
      this.stages.push({ radix, m, stride, twRe, twIm });
      if (radix !== 2 && radix !== 4 && !this.rootsCache.has(radix)) {
        const re = new Float64Array(radix);
        const im = new Float64Array(radix);
        for (let j = 0; j < radix; j++) {
          re[j] = Math.cos((-2 * Math.PI * j) / radix);
          im[j] = Math.sin((-2 * Math.PI * j) / radix);
        }
        this.rootsCache.set(radix, { re, im });
      }
      ns = m;
      stride *= radix;
    }
  }

  /** Forward DFT, X[k] = sum_j x[j] exp(-2 pi i j k / n), in place. */
  transform(re: Float64Array, im: Float64Array): void {
    if (re.length !== this.n || im.length !== this.n) {
      throw new LabError(`FFT plan for ${this.n} points got arrays of ${re.length} and ${im.length}`);
    }
    let xr = re, xi = im, yr = this.tmpRe, yi = this.tmpIm;
    for (const st of this.stages) {
      if (st.radix === 4) this.radix4(st, xr, xi, yr, yi);
      else if (st.radix === 2) this.radix2(st, xr, xi, yr, yi);
      else this.radixGeneric(st, xr, xi, yr, yi);
      const sr = xr, si = xi;
      xr = yr; xi = yi; yr = sr; yi = si;
    }
    if (xr !== re) { re.set(xr); im.set(xi); }
  }

  private radix2(st: Stage, xr: Float64Array, xi: Float64Array, yr: Float64Array, yi: Float64Array): void {
    const { m, stride: s, twRe, twIm } = st;
    for (let p = 0; p < m; p++) {
      const wr = twRe[p], wi = twIm[p];
      for (let q = 0; q < s; q++) {
        const i0 = q + s * p, i1 = i0 + s * m;
        const ar = xr[i0], ai = xi[i0], br = xr[i1], bi = xi[i1];
        const o0 = q + s * 2 * p, o1 = o0 + s;
        yr[o0] = ar + br; yi[o0] = ai + bi;
        const dr = ar - br, di = ai - bi;
        yr[o1] = dr * wr - di * wi; yi[o1] = dr * wi + di * wr;
      }
    }
  }

  private radix4(st: Stage, xr: Float64Array, xi: Float64Array, yr: Float64Array, yi: Float64Array): void {
    const { m, stride: s, twRe, twIm } = st;
    const sm = s * m;
    for (let p = 0; p < m; p++) {
      const w1r = twRe[3 * p], w1i = twIm[3 * p];
      const w2r = twRe[3 * p + 1], w2i = twIm[3 * p + 1];
      const w3r = twRe[3 * p + 2], w3i = twIm[3 * p + 2];
      for (let q = 0; q < s; q++) {
        const i0 = q + s * p;
        const a0r = xr[i0], a0i = xi[i0];
        const a1r = xr[i0 + sm], a1i = xi[i0 + sm];
        const a2r = xr[i0 + 2 * sm], a2i = xi[i0 + 2 * sm];
        const a3r = xr[i0 + 3 * sm], a3i = xi[i0 + 3 * sm];
        const t0r = a0r + a2r, t0i = a0i + a2i, t1r = a0r - a2r, t1i = a0i - a2i;
        const t2r = a1r + a3r, t2i = a1i + a3i, t3r = a1r - a3r, t3i = a1i - a3i;
        const o0 = q + s * 4 * p;
        yr[o0] = t0r + t2r; yi[o0] = t0i + t2i;
        const b1r = t1r + t3i, b1i = t1i - t3r; // t1 - i*t3
        const b2r = t0r - t2r, b2i = t0i - t2i;
        const b3r = t1r - t3i, b3i = t1i + t3r; // t1 + i*t3
        yr[o0 + s] = b1r * w1r - b1i * w1i; yi[o0 + s] = b1r * w1i + b1i * w1r;
        yr[o0 + 2 * s] = b2r * w2r - b2i * w2i; yi[o0 + 2 * s] = b2r * w2i + b2i * w2r;
        yr[o0 + 3 * s] = b3r * w3r - b3i * w3i; yi[o0 + 3 * s] = b3r * w3i + b3i * w3r;
      }
    }
  }

  private radixGeneric(st: Stage, xr: Float64Array, xi: Float64Array, yr: Float64Array, yi: Float64Array): void {
    const { radix: r, m, stride: s, twRe, twIm } = st;
    const roots = this.rootsCache.get(r)!;
    const ar = new Float64Array(r), ai = new Float64Array(r);
    for (let p = 0; p < m; p++) {
      for (let q = 0; q < s; q++) {
        for (let j = 0; j < r; j++) { const idx = q + s * (p + j * m); ar[j] = xr[idx]; ai[j] = xi[idx]; }
        for (let k = 0; k < r; k++) {
          let sr = 0, si = 0;
          for (let j = 0; j < r; j++) {
            const t = (j * k) % r;
            const cr = roots.re[t], ci = roots.im[t];
            sr += ar[j] * cr - ai[j] * ci;
            si += ar[j] * ci + ai[j] * cr;
          }
          const o = q + s * (r * p + k);
          if (k === 0) { yr[o] = sr; yi[o] = si; continue; }
          const wr = twRe[p * (r - 1) + k - 1], wi = twIm[p * (r - 1) + k - 1];
          yr[o] = sr * wr - si * wi; yi[o] = sr * wi + si * wr;
        }
      }
    }
  }
}

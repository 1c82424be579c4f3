// Principal components of a small data matrix (rows = items, columns = features), for the
// Explore page's 2D projection of pooled features. Centred (not scaled). The top eigenvectors
// come from power iteration with deflation on the smaller of the covariance (d × d) and the Gram
// matrix (n × n), so 100 clips of 1024 channels cost a 100 × 100 problem. Deterministic (fixed
// start vector); each component's sign is fixed so that its largest |loading| is positive.
import { LabError } from '../common/errors.ts';

export interface PcaResult {
  /** n × k scores, row-major. */
  scores: Float32Array;
  /** k × d components (unit vectors), row-major. */
  components: Float64Array;
  /** Variance along each component, and its share of the total variance. */
  variance: number[];
  explained: number[];
}

/** a · aᵀ / div for a row-major [rows, cols] matrix: a symmetric [rows, rows] matrix. */
function gram(a: Float64Array, rows: number, cols: number, div: number): Float64Array {
  const g = new Float64Array(rows * rows);
  for (let i = 0; i < rows; i++) {
    for (let j = i; j < rows; j++) {
      let s = 0;
      for (let c = 0; c < cols; c++) s += a[i * cols + c] * a[j * cols + c];
      g[i * rows + j] = g[j * rows + i] = s / div;
    }
  }
  return g;
}

function transpose(a: Float64Array, rows: number, cols: number): Float64Array {
  const t = new Float64Array(rows * cols);
  for (let i = 0; i < rows; i++) for (let j = 0; j < cols; j++) t[j * rows + i] = a[i * cols + j];
  return t;
}

function normalise(v: Float64Array): number {
  let s = 0;
  for (const x of v) s += x * x;
  const norm = Math.sqrt(s);
  if (norm > 0) for (let i = 0; i < v.length; i++) v[i] /= norm;
  return norm;
}

/** Top eigenpairs of a symmetric m × m matrix (destroyed: deflated in place). */
function topEigen(m: Float64Array, size: number, k: number, iterations: number): { vectors: Float64Array[]; values: number[] } {
  const vectors: Float64Array[] = [];
  const values: number[] = [];
  for (let p = 0; p < k; p++) {
    let v = new Float64Array(size);
    for (let j = 0; j < size; j++) v[j] = 1 + ((j * 7919 + p * 104729) % 13) / 13;
    normalise(v);
    let value = 0;
    for (let it = 0; it < iterations; it++) {
      const w = new Float64Array(size);
      for (let a = 0; a < size; a++) {
        let s = 0;
        for (let b = 0; b < size; b++) s += m[a * size + b] * v[b];
        w[a] = s;
      }
      value = normalise(w);
      if (value === 0) break;
      let delta = 0;
      for (let j = 0; j < size; j++) delta += Math.abs(w[j] - v[j]);
      v = w;
      if (delta < 1e-12 * size) break;
    }
    vectors.push(v);
    values.push(value);
    for (let a = 0; a < size; a++) for (let b = 0; b < size; b++) m[a * size + b] -= value * v[a] * v[b];
  }
  return { vectors, values };
}

/** The first `k` principal components of `x` (n rows of d features). */
export function pca(x: Float32Array, n: number, d: number, k = 2, iterations = 1000): PcaResult {
  if (x.length !== n * d) throw new LabError(`pca: ${x.length} values are not ${n} rows of ${d}`);
  if (n < 2) throw new LabError(`pca: needs at least 2 items, got ${n}`);
  const kk = Math.min(k, d, n);
  const mean = new Float64Array(d);
  for (let i = 0; i < n; i++) for (let j = 0; j < d; j++) mean[j] += x[i * d + j] / n;
  const xc = new Float64Array(n * d);
  for (let i = 0; i < n; i++) for (let j = 0; j < d; j++) xc[i * d + j] = x[i * d + j] - mean[j];
  const byFeatures = d <= n;
  const size = byFeatures ? d : n;
  const m = byFeatures ? gram(transpose(xc, n, d), d, n, n - 1) : gram(xc, n, d, n - 1);
  let total = 0;
  for (let j = 0; j < size; j++) total += m[j * size + j];
  const { vectors, values } = topEigen(m, size, kk, iterations);
  const components = new Float64Array(kk * d);
  vectors.forEach((u, p) => {
    const v = byFeatures ? u : new Float64Array(d);
    if (!byFeatures) for (let i = 0; i < n; i++) for (let j = 0; j < d; j++) v[j] += xc[i * d + j] * u[i];
    normalise(v);
    let big = 0;
    for (let j = 0; j < d; j++) if (Math.abs(v[j]) > Math.abs(v[big])) big = j;
    if (v[big] < 0) for (let j = 0; j < d; j++) v[j] = -v[j];
    components.set(v, p * d);
  });
  const scores = new Float32Array(n * kk);
  for (let i = 0; i < n; i++) {
    for (let p = 0; p < kk; p++) {
      let s = 0;
      for (let j = 0; j < d; j++) s += xc[i * d + j] * components[p * d + j];
      scores[i * kk + p] = s;
    }
  }
  return { scores, components, variance: values, explained: values.map((v) => (total > 0 ? v / total : 0)) };
}

// Builds split-tagged label sets and score matrices, validating shapes and values.
import { LabError, check } from '../common/errors.ts';
import type { LabelSet, ScoreMatrix, Split } from './types.ts';

const SPLITS: readonly Split[] = ['train', 'validation', 'test'];

/**
 * Multi-hot labels for clips of one split. Each row is either a 0/1 vector over `classes`
 * or a list of class codes (e.g. ['vio', 'pia']).
 */
export function labelSet<S extends Split>(
  split: S,
  classes: readonly string[],
  rows: readonly (ArrayLike<number> | readonly string[])[],
): LabelSet<S> {
  check(SPLITS.includes(split), `labels: unknown split "${split}"`);
  checkClasses(classes, 'labels');
  const index = new Map(classes.map((c, i) => [c, i]));
  const out = rows.map((row, r) => {
    const v = new Uint8Array(classes.length);
    if (isCodeList(row)) {
      for (const code of row) {
        const i = index.get(code);
        if (i === undefined) throw new LabError(`labels (${split}): clip ${r} has unknown class "${code}"`);
        v[i] = 1;
      }
    } else {
      check(row.length === classes.length,
        () => `labels (${split}): clip ${r} has ${row.length} entries, expected ${classes.length}`);
      for (let i = 0; i < row.length; i++) {
        check(row[i] === 0 || row[i] === 1, () => `labels (${split}): clip ${r} class ${classes[i]} is ${row[i]}, not 0/1`);
        v[i] = row[i];
      }
    }
    return v;
  });
  return Object.freeze({ split, classes: Object.freeze([...classes]), rows: Object.freeze(out) }) as unknown as LabelSet<S>;
}

function isCodeList(row: ArrayLike<number> | readonly string[]): row is readonly string[] {
  return Array.isArray(row) && (row.length === 0 || typeof row[0] === 'string');
}

/** Per-clip scores; every value must be finite and within [0, 1]. */
export function scoreMatrix(classes: readonly string[], rows: readonly ArrayLike<number>[]): ScoreMatrix {
  checkClasses(classes, 'scores');
  const out = rows.map((row, r) => {
    check(row.length === classes.length, () => `scores: clip ${r} has ${row.length} values, expected ${classes.length}`);
    const v = Float32Array.from(row);
    for (let i = 0; i < v.length; i++) {
      check(Number.isFinite(v[i]) && v[i] >= 0 && v[i] <= 1,
        () => `scores: clip ${r} class ${classes[i]} is ${v[i]}, outside [0, 1]`);
    }
    return v;
  });
  return Object.freeze({ classes: Object.freeze([...classes]), rows: Object.freeze(out) });
}

export function checkClasses(classes: readonly string[], what: string): void {
  check(classes.length > 0, `${what}: the class list is empty`);
  check(new Set(classes).size === classes.length, `${what}: the class list has duplicates (${classes.join(' ')})`);
}

/** Fails unless two class lists are identical in content and order. */
export function checkSameClasses(a: readonly string[], b: readonly string[], what: string): void {
  check(a.length === b.length && a.every((c, i) => c === b[i]),
    () => `${what}: class lists differ ([${a.join(' ')}] vs [${b.join(' ')}])`);
}

export function checkSameClipCount(a: number, b: number, what: string): void {
  check(a === b, () => `${what}: ${a} clips of scores but ${b} clips of labels`);
}

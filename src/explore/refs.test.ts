import { describe, expect, it } from 'vitest';
import { clipRefText, modelRefText, parseClipRef, parseModelRef } from './refs.ts';

const BASE = 'http://127.0.0.1:4319/app/models/';

describe('model and clip refs', () => {
  it('round-trip through their text forms', () => {
    for (const t of ['student-v1', 'random-init', 'random-init:tiny', 'user:m1a2b3']) {
      const ref = parseModelRef(t, BASE)!;
      expect(modelRefText(ref)).toBe(t);
    }
    expect(parseModelRef('student-v1', BASE)).toEqual({ kind: 'shipped', name: 'student-v1', url: `${BASE}student-v1/` });
    expect(parseModelRef('random-init', BASE)).toEqual({ kind: 'random-init', base: 'student' });
    for (const t of ['demo', 'corpus:builtin:tiny:1/train-cla-0001', 'upload:0123456789abcdef']) {
      expect(clipRefText(parseClipRef(t)!)).toBe(t);
    }
    expect(parseClipRef('corpus:builtin:tiny:1/test-0003')).toEqual({ kind: 'corpus', corpus: 'builtin:tiny:1', clip: 'test-0003' });
  });

  it('rejects malformed text (paths, other origins, empty parts)', () => {
    for (const t of ['', '../x', 'http://evil.example/m', 'a/b', 'user:', 'random-init:../x']) expect(parseModelRef(t, BASE)).toBeNull();
    for (const t of ['', 'corpus:', 'corpus:x', 'corpus:x/', 'upload:xyz', 'clip']) expect(parseClipRef(t)).toBeNull();
  });
});

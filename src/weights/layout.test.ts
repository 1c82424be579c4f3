import { describe, expect, it } from 'vitest';
import { NULL_EMBEDDING_KEY, layoutKind, permute, tfjsShape, toTfjsLayout, toTorchLayout, torchShape } from './layout.ts';

const ramp = (n: number) => Float32Array.from({ length: n }, (_, i) => i * 0.5 - 3);

describe('layout', () => {
  it('picks the kind from the rank and the null-table key', () => {
    expect(layoutKind('a.weight', 4)).toBe('conv2d');
    expect(layoutKind('a.weight', 3)).toBe('conv1d');
    expect(layoutKind('a.weight', 2)).toBe('linear');
    expect(layoutKind(NULL_EMBEDDING_KEY, 2)).toBe('as-is');
    expect(layoutKind('a.bias', 1)).toBe('as-is');
  });

  it('Conv2d [O,I,kh,kw] -> [kh,kw,I,O], element by element', () => {
    const [O, I, KH, KW] = [3, 2, 4, 5];
    const data = ramp(O * I * KH * KW);
    const t = toTfjsLayout('c.weight', { shape: [O, I, KH, KW], data });
    expect(t.shape).toEqual([KH, KW, I, O]);
    for (let o = 0; o < O; o++) for (let i = 0; i < I; i++) for (let y = 0; y < KH; y++) for (let x = 0; x < KW; x++) {
      expect(t.data[((y * KW + x) * I + i) * O + o]).toBe(data[((o * I + i) * KH + y) * KW + x]);
    }
  });

  it('Conv1d [O,I,k] -> [k,I,O] and Linear [out,in] -> [in,out]', () => {
    const c = ramp(3 * 4 * 5);
    const t = toTfjsLayout('c.weight', { shape: [3, 4, 5], data: c });
    expect(t.shape).toEqual([5, 4, 3]);
    expect(t.data[(2 * 4 + 1) * 3 + 2]).toBe(c[(2 * 4 + 1) * 5 + 2]);
    expect(t.data[(4 * 4 + 3) * 3 + 0]).toBe(c[(0 * 4 + 3) * 5 + 4]);
    const l = ramp(6 * 7);
    const tl = toTfjsLayout('l.weight', { shape: [6, 7], data: l });
    expect(tl.shape).toEqual([7, 6]);
    for (let o = 0; o < 6; o++) for (let i = 0; i < 7; i++) expect(tl.data[i * 6 + o]).toBe(l[o * 7 + i]);
  });

  it('leaves the null table and 1-D tensors alone', () => {
    const table = ramp(64 * 8);
    expect(toTfjsLayout(NULL_EMBEDDING_KEY, { shape: [64, 8], data: table }).data).toBe(table);
    expect(tfjsShape(NULL_EMBEDDING_KEY, [64, 768])).toEqual([64, 768]);
    expect(tfjsShape('b', [7])).toEqual([7]);
  });

  it('toTorchLayout inverts toTfjsLayout, shapes included', () => {
    for (const shape of [[3, 2, 4, 5], [3, 4, 5], [6, 7], [1, 1, 1, 1], [0, 3, 3, 3]]) {
      const n = shape.reduce((a, b) => a * b, 1);
      const data = ramp(n);
      const tf = toTfjsLayout('k', { shape, data });
      expect(torchShape('k', tf.shape)).toEqual(shape);
      const back = toTorchLayout('k', tf);
      expect(back.shape).toEqual(shape);
      expect(Array.from(back.data)).toEqual(Array.from(data));
    }
  });

  it('permute handles a general permutation', () => {
    const data = ramp(2 * 3 * 4);
    const out = permute(data, [2, 3, 4], [1, 2, 0]); // out[j,k,i] = in[i,j,k]
    for (let i = 0; i < 2; i++) for (let j = 0; j < 3; j++) for (let k = 0; k < 4; k++) {
      expect(out[(j * 4 + k) * 2 + i]).toBe(data[(i * 3 + j) * 4 + k]);
    }
  });
});

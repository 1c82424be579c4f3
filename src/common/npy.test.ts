import { describe, expect, it } from 'vitest';
import { encodeNpy, parseNpy } from './npy.ts';

describe('npy', () => {
  it('round-trips float32 data and shape', () => {
    const data = Float32Array.from([1, -2.5, 3e-7, 4, 5, 6]);
    const back = parseNpy(encodeNpy(data, [2, 3]));
    expect(back.shape).toEqual([2, 3]);
    expect(Array.from(back.data)).toEqual(Array.from(data));
  });
  it('names the problem on bad input', () => {
    expect(() => parseNpy(new Uint8Array([1, 2, 3]), 'x.npy')).toThrow(/x.npy: not a .npy file/);
  });
});

import { describe, expect, it } from 'vitest';
import { isServedFile } from './served-file.ts';

describe('isServedFile', () => {
  it('an OK answer that is not a web page is the file; a page or an error is not', () => {
    expect(isServedFile(new Response('{}', { headers: { 'content-type': 'application/json' } }))).toBe(true);
    expect(isServedFile(new Response('{}'))).toBe(true);
    expect(isServedFile(new Response('<!doctype html>', { headers: { 'content-type': 'text/html; charset=utf-8' } }))).toBe(false);
    expect(isServedFile(new Response('', { status: 404 }))).toBe(false);
  });
});

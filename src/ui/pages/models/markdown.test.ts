import { describe, expect, it } from 'vitest';
import { parseInline, parseMarkdown } from './markdown.ts';

describe('model card markdown', () => {
  it('parses headings, paragraphs, lists, code and tables', () => {
    const md = '# student-v1\n\nA small **student** U-Net,\ntrained on `small`.\n\n- one\n- two\n  more\n1. first\n\n```\nnpx diffpir\n```\n| a | b |\n|---|---|\n| 1 | 2 |\n';
    const b = parseMarkdown(md);
    expect(b.map((x) => x.kind)).toEqual(['heading', 'paragraph', 'list', 'list', 'pre', 'pre']);
    expect(b[1]).toEqual({ kind: 'paragraph', inline: [{ kind: 'text', text: 'A small ' }, { kind: 'bold', text: 'student' }, { kind: 'text', text: ' U-Net, trained on ' }, { kind: 'code', text: 'small' }, { kind: 'text', text: '.' }] });
    expect(b[2]).toMatchObject({ ordered: false, items: [[{ text: 'one' }], [{ text: 'two' }, { text: ' more' }]] });
    expect(b[3]).toMatchObject({ ordered: true });
    expect(b[4]).toEqual({ kind: 'pre', text: 'npx diffpir' });
    expect(b[5]).toEqual({ kind: 'pre', text: '| a | b |\n| 1 | 2 |' });
  });

  it('shows links as text with their address', () => {
    expect(parseInline('see [the paper](https://example.org/p)')).toEqual([{ kind: 'text', text: 'see ' }, { kind: 'text', text: 'the paper (https://example.org/p)' }]);
  });
});

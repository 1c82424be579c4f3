import { describe, expect, it } from 'vitest';
import { renderMarkdown } from './markdown.ts';

describe('model card markdown', () => {
  it('renders headings, paragraphs, lists, code and GFM tables', () => {
    const html = renderMarkdown('# student-v1\n\nA small **student** U-Net,\ntrained on `small`.\n\n- one\n- two\n\n```\nnpx diffpir\n```\n\n| a | b |\n|---|---|\n| 1 | 2 |\n');
    expect(html).toContain('<h3>student-v1</h3>');
    expect(html).toContain('<strong>student</strong>');
    expect(html).toContain('<code>small</code>');
    expect(html).toMatch(/<ul>\s*<li>one<\/li>/);
    expect(html).toContain('<pre><code>npx diffpir\n</code></pre>');
    expect(html).toMatch(/<div class="table-scroll"><table>\s*<thead>\s*<tr>\s*<th>a<\/th>/);
    expect(html).toMatch(/<td>1<\/td>\s*<td>2<\/td>/);
  });

  it('escapes raw HTML and never loads images or navigates', () => {
    const html = renderMarkdown('<script>alert(1)</script>\n\n<img src=x onerror=alert(1)>\n\n![logo](https://example.org/x.png) see [the paper](https://example.org/p)');
    expect(html).not.toMatch(/<script|<img|<a /);
    expect(html).toContain('&lt;script&gt;');
    expect(html).toContain('the paper (https://example.org/p)');
  });

  it('renders the shipped Han CNN card table as a table', async () => {
    const { readFileSync } = await import('node:fs');
    const html = renderMarkdown(readFileSync('models/han-cnn-small/card.md', 'utf8'));
    expect(html).toMatch(/<th>class<\/th>\s*<th>test clips<\/th>/);
    expect((html.match(/<tr>/g) ?? []).length).toBe(12);
  });
});

// Minimal Markdown for model cards: headings, paragraphs, bullet and numbered lists, fenced
// code, tables (kept as preformatted text) and inline `code` / **bold**; links show their text
// and address as text (nothing is fetched or followed). Pure: the view renders the blocks.
export type Inline = { kind: 'text' | 'code' | 'bold'; text: string };

export type Block =
  | { kind: 'heading'; level: number; inline: Inline[] }
  | { kind: 'paragraph'; inline: Inline[] }
  | { kind: 'list'; ordered: boolean; items: Inline[][] }
  | { kind: 'pre'; text: string };

export function parseInline(s: string): Inline[] {
  const out: Inline[] = [];
  const re = /`([^`]+)`|\*\*([^*]+)\*\*|\[([^\]]+)\]\(([^)\s]+)\)/g;
  let last = 0;
  for (let m = re.exec(s); m; m = re.exec(s)) {
    if (m.index > last) out.push({ kind: 'text', text: s.slice(last, m.index) });
    if (m[1] !== undefined) out.push({ kind: 'code', text: m[1] });
    else if (m[2] !== undefined) out.push({ kind: 'bold', text: m[2] });
    else out.push({ kind: 'text', text: `${m[3]} (${m[4]})` });
    last = m.index + m[0].length;
  }
  if (last < s.length) out.push({ kind: 'text', text: s.slice(last) });
  return out;
}

export function parseMarkdown(src: string): Block[] {
  const lines = src.replace(/\r\n?/g, '\n').split('\n');
  const blocks: Block[] = [];
  let para: string[] = [];
  const flush = () => {
    if (para.length) blocks.push({ kind: 'paragraph', inline: parseInline(para.join(' ')) });
    para = [];
  };
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    const h = /^(#{1,6})\s+(.*)$/.exec(line);
    const item = /^\s*(?:([-*+])|(\d+)[.)])\s+(.*)$/.exec(line);
    if (/^\s*```/.test(line)) {
      flush();
      const body: string[] = [];
      for (i++; i < lines.length && !/^\s*```/.test(lines[i]); i++) body.push(lines[i]);
      blocks.push({ kind: 'pre', text: body.join('\n') });
    } else if (/^\s*\|/.test(line)) {
      flush();
      const rows: string[] = [];
      for (; i < lines.length && /^\s*\|/.test(lines[i]); i++) rows.push(lines[i].trim());
      i--;
      blocks.push({ kind: 'pre', text: rows.filter((r) => !/^\|[\s:|-]+\|$/.test(r)).join('\n') });
    } else if (h) {
      flush();
      blocks.push({ kind: 'heading', level: h[1].length, inline: parseInline(h[2].trim()) });
    } else if (item) {
      flush();
      const ordered = item[2] !== undefined;
      const prev = blocks[blocks.length - 1];
      const inline = parseInline(item[3]);
      if (prev?.kind === 'list' && prev.ordered === ordered) prev.items.push(inline);
      else blocks.push({ kind: 'list', ordered, items: [inline] });
    } else if (line.trim() === '') {
      flush();
    } else {
      const prev = blocks[blocks.length - 1];
      // A continuation line of a list item.
      if (para.length === 0 && prev?.kind === 'list' && /^\s{2,}\S/.test(line)) prev.items[prev.items.length - 1].push({ kind: 'text', text: ` ${line.trim()}` });
      else para.push(line.trim());
    }
  }
  flush();
  return blocks;
}

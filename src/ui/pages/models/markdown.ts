// Model-card Markdown -> safe HTML with markdown-it (CommonMark + GFM tables). Raw HTML in a card
// is escaped, never passed through; images are off (a card must not make the page fetch
// anything); links are shown as their text followed by the address, so nothing navigates away.
import MarkdownIt from 'markdown-it';

const md = new MarkdownIt({ html: false, linkify: false, typographer: false });
md.disable(['image']);
md.renderer.rules.link_open = () => '';
md.renderer.rules.link_close = (tokens, idx) => {
  // The matching link_open is the nearest earlier one at the same nesting level.
  for (let i = idx - 1; i >= 0; i--) {
    if (tokens[i].type === 'link_open') {
      const href = tokens[i].attrGet('href') ?? '';
      return href ? ` (${md.utils.escapeHtml(href)})` : '';
    }
  }
  return '';
};
// Tables scroll sideways inside a narrow card instead of being cut off.
md.renderer.rules.table_open = () => '<div class="table-scroll"><table>\n';
md.renderer.rules.table_close = () => '</table></div>\n';

/** Safe HTML for a model card (headings shifted down by `shift` levels, h1 -> h(1+shift)). */
export function renderMarkdown(source: string, shift = 2): string {
  const html = md.render(source);
  return html.replace(/<(\/?)h([1-6])>/g, (_, slash: string, level: string) => `<${slash}h${Math.min(6, Number(level) + shift)}>`);
}

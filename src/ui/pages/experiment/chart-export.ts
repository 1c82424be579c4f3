// Charts as files: the charts' SVG (recharts draws SVG; its HTML legend is redrawn in SVG) with
// their computed styles inlined, and a PNG drawn from that SVG on a canvas at 2x. Titles and the
// provenance lines are added to both.
const STYLE_PROPS = ['fill', 'stroke', 'stroke-width', 'stroke-dasharray', 'font-size', 'font-family', 'font-weight', 'opacity', 'fill-opacity', 'text-anchor', 'dominant-baseline'];

/** Inline the computed styles that matter for drawing, so the SVG looks the same standalone. */
function inlineStyles(src: Element, dst: Element): void {
  const a = [src, ...src.querySelectorAll('*')];
  const b = [dst, ...dst.querySelectorAll('*')];
  a.forEach((el, i) => {
    const cs = getComputedStyle(el);
    b[i].setAttribute('style', STYLE_PROPS.map((p) => `${p}:${cs.getPropertyValue(p)}`).filter((x) => !x.endsWith(':')).join(';'));
  });
}

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** The legend of a recharts wrapper (drawn in HTML) as SVG swatches and labels at y. */
function legendSvg(wrapper: Element, x: number, y: number): { text: string; height: number } {
  const items = [...wrapper.querySelectorAll('.recharts-legend-item')];
  if (items.length === 0) return { text: '', height: 0 };
  let cx = x;
  const parts = items.map((item) => {
    const label = item.querySelector('.recharts-legend-item-text')?.textContent ?? '';
    const icon = item.querySelector('path, line, rect');
    const colour = icon ? getComputedStyle(icon).getPropertyValue(icon.getAttribute('fill') === 'none' ? 'stroke' : 'fill') : '#333';
    const out = `<rect x="${cx}" y="${y}" width="10" height="10" fill="${esc(colour)}"/><text x="${cx + 14}" y="${y + 9}" font-size="11" font-family="sans-serif" fill="#333">${esc(label)}</text>`;
    cx += 24 + label.length * 6.5;
    return out;
  });
  return { text: parts.join(''), height: 18 };
}

/**
 * A standalone SVG document of the charts under `root` (each recharts surface with its legend,
 * placed where it is on the page), with the caption lines (title, provenance) below.
 */
export function chartSvg(root: HTMLElement, caption: string[]): { text: string; width: number; height: number } {
  const wrappers = [...root.querySelectorAll('.recharts-wrapper')];
  if (wrappers.length === 0) throw new Error('no chart to export');
  const box = root.getBoundingClientRect();
  let width = 0;
  let height = 0;
  const parts: string[] = [];
  for (const w of wrappers) {
    const svg = w.querySelector(':scope > svg');
    if (!svg) continue;
    const r = w.getBoundingClientRect();
    const x = Math.round(r.left - box.left);
    const y = Math.round(r.top - box.top);
    const clone = svg.cloneNode(true) as SVGSVGElement;
    inlineStyles(svg, clone);
    clone.setAttribute('x', String(x));
    clone.setAttribute('y', String(y));
    const sw = Number(svg.getAttribute('width')) || svg.clientWidth;
    const sh = Number(svg.getAttribute('height')) || svg.clientHeight;
    const legend = legendSvg(w, x + 8, y + sh + 4);
    parts.push(new XMLSerializer().serializeToString(clone), legend.text);
    width = Math.max(width, x + sw);
    height = Math.max(height, y + sh + legend.height);
  }
  const lineH = 16;
  const total = height + caption.length * lineH + 8;
  const texts = caption.map((line, i) => `<text x="8" y="${height + 14 + i * lineH}" font-size="11" font-family="sans-serif" fill="#333">${esc(line)}</text>`).join('');
  const text = `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${total}" viewBox="0 0 ${width} ${total}">` +
    `<rect width="100%" height="100%" fill="#fff"/>${parts.join('')}${texts}</svg>`;
  return { text, width, height: total };
}

/** The chart as a PNG blob (2x), drawn from chartSvg. */
export async function chartPng(root: HTMLElement, caption: string[]): Promise<Blob> {
  const { text, width, height } = chartSvg(root, caption);
  const url = URL.createObjectURL(new Blob([text], { type: 'image/svg+xml' }));
  try {
    const img = new Image();
    await new Promise<void>((resolve, reject) => {
      img.onload = () => resolve();
      img.onerror = () => reject(new Error('the chart could not be drawn as an image'));
      img.src = url;
    });
    const canvas = document.createElement('canvas');
    canvas.width = width * 2;
    canvas.height = height * 2;
    const ctx = canvas.getContext('2d')!;
    ctx.scale(2, 2);
    ctx.drawImage(img, 0, 0);
    return await new Promise<Blob>((resolve, reject) => canvas.toBlob((b) => (b ? resolve(b) : reject(new Error('PNG encoding failed'))), 'image/png'));
  } finally {
    URL.revokeObjectURL(url);
  }
}

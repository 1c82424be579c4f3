// Charts as files: the chart's SVG (recharts draws SVG) with its computed styles inlined, and a
// PNG drawn from that SVG on a canvas at 2x. Titles and the provenance line are added to both.
const STYLE_PROPS = ['fill', 'stroke', 'stroke-width', 'stroke-dasharray', 'font-size', 'font-family', 'font-weight', 'opacity', 'fill-opacity', 'text-anchor', 'dominant-baseline'];

/** A standalone SVG document of the first <svg> under `root`, with a caption block below it. */
export function chartSvg(root: HTMLElement, caption: string[]): { text: string; width: number; height: number } {
  const svg = root.querySelector('svg.recharts-surface') ?? root.querySelector('svg');
  if (!svg) throw new Error('no chart to export');
  const clone = svg.cloneNode(true) as SVGSVGElement;
  const src = [svg, ...svg.querySelectorAll('*')];
  const dst = [clone, ...clone.querySelectorAll('*')];
  src.forEach((el, i) => {
    const cs = getComputedStyle(el);
    const style = STYLE_PROPS.map((p) => `${p}:${cs.getPropertyValue(p)}`).filter((s) => !s.endsWith(':')).join(';');
    (dst[i] as Element).setAttribute('style', style);
  });
  const width = Number(svg.getAttribute('width')) || svg.clientWidth;
  const height = Number(svg.getAttribute('height')) || svg.clientHeight;
  const lineH = 16;
  const total = height + caption.length * lineH + 8;
  const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
  const texts = caption.map((line, i) => `<text x="8" y="${height + 14 + i * lineH}" font-size="11" font-family="sans-serif" fill="#333">${esc(line)}</text>`).join('');
  const inner = new XMLSerializer().serializeToString(clone);
  const text = `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${total}" viewBox="0 0 ${width} ${total}">` +
    `<rect width="100%" height="100%" fill="#fff"/>${inner}${texts}</svg>`;
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

// A corpus clip's mel thumbnail (levels 0..255 from the worker) drawn with viridis, lowest band
// at the bottom.
import { useEffect, useRef } from 'react';
import type { CorpusThumb } from '../../../compute/messages/corpus.ts';
import { VIRIDIS } from '../../draw/colormap.ts';

export function MelThumb({ thumb, label }: { thumb: CorpusThumb; label: string }) {
  const ref = useRef<HTMLCanvasElement>(null);
  useEffect(() => {
    const c = ref.current;
    const ctx = c?.getContext('2d');
    if (!c || !ctx) return;
    c.width = thumb.columns;
    c.height = thumb.bands;
    const img = ctx.createImageData(thumb.columns, thumb.bands);
    for (let b = 0; b < thumb.bands; b++) {
      for (let t = 0; t < thumb.columns; t++) {
        const level = thumb.levels[b * thumb.columns + t];
        const o = ((thumb.bands - 1 - b) * thumb.columns + t) * 4;
        img.data[o] = VIRIDIS[level * 3];
        img.data[o + 1] = VIRIDIS[level * 3 + 1];
        img.data[o + 2] = VIRIDIS[level * 3 + 2];
        img.data[o + 3] = 255;
      }
    }
    ctx.putImageData(img, 0, 0);
  }, [thumb]);
  return <canvas ref={ref} className="mel-thumb" role="img" aria-label={label} />;
}

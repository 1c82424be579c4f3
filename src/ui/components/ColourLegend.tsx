// A colour scale under a map: the gradient the map uses, its two ends and its middle labelled in
// words and values, so a picture is never shown without saying what its colours mean.
import { VIRIDIS } from '../draw/colormap.ts';
import { DIVERGING, type HeatScale } from '../pages/explore/heatmap-image.ts';

function gradient(lut: Uint8ClampedArray): string {
  const stops = [0, 64, 128, 192, 255].map((i) => `rgb(${lut[i * 3]}, ${lut[i * 3 + 1]}, ${lut[i * 3 + 2]}) ${((i / 255) * 100).toFixed(0)}%`);
  return `linear-gradient(to right, ${stops.join(', ')})`;
}

interface Props {
  scale: HeatScale;
  /** The words at the low end, the middle and the high end. */
  low: string;
  mid?: string;
  high: string;
  /** What the colour stands for ("activation", "log-mel level"). */
  quantity: string;
}

export function ColourLegend({ scale, low, mid, high, quantity }: Props) {
  return (
    <div className="colour-legend" role="img" aria-label={`Colour scale of ${quantity}: ${low}${mid ? ` to ${mid}` : ''} to ${high}`}>
      <span className="colour-legend-end">{low}</span>
      <span className="colour-legend-bar" style={{ background: gradient(scale === 'signed' ? DIVERGING : VIRIDIS) }}>
        {mid && <span className="colour-legend-mid">{mid}</span>}
      </span>
      <span className="colour-legend-end">{high}</span>
      <span className="colour-legend-what">{quantity}</span>
    </div>
  );
}

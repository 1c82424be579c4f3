// The strongest channels at a tap as a grid of small heatmaps (blue < 0 < red, each map on its
// own symmetric scale, with the colour legend), channel index and mean |activation| under each.
import type { ChannelMaps } from '../../../explore/channels.ts';
import { ColourLegend } from '../../components/ColourLegend.tsx';
import { Heatmap } from './Heatmap.tsx';

interface Props {
  maps: ChannelMaps;
  title: string;
  tap: string;
}

export function ChannelGrid({ maps, title, tap }: Props) {
  const plane = maps.height * maps.width;
  const cellHeight = maps.height === 1 ? 24 : Math.max(40, Math.min(90, Math.round((maps.height / maps.width) * 150)));
  return (
    <figure className="channel-grid" aria-label={`${title}: strongest channels at ${tap}`}>
      <figcaption>
        <strong>{title}</strong> · {maps.channels.length} of {maps.totalChannels} channels, strongest first · each map {maps.height} rows (frequency, low at the bottom) × {maps.width} columns (time); under each: channel · mean |activation|
      </figcaption>
      <ColourLegend scale="signed" low="−max" mid="0" high="+max" quantity="activation, each map scaled to its own largest |value|" />
      <ol className="channel-cells">
        {Array.from(maps.channels, (c, i) => (
          <li key={c}>
            <Heatmap
              values={maps.data.subarray(i * plane, (i + 1) * plane)}
              rows={maps.height}
              cols={maps.width}
              scale="signed"
              height={cellHeight}
              label={`${title}, channel ${c} at ${tap}, mean |activation| ${maps.strength[i].toFixed(3)}`}
              className="heatmap heatmap-cell"
            />
            <span className="channel-caption">ch {c} · {maps.strength[i].toPrecision(3)}</span>
          </li>
        ))}
      </ol>
    </figure>
  );
}

// The strongest channels at a tap as a grid of small heatmaps (blue < 0 < red, each map on its
// own symmetric scale), channel index and mean |activation| under each.
import type { ChannelMaps } from '../../../explore/channels.ts';
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
        <strong>{title}</strong> · {maps.channels.length} of {maps.totalChannels} channels, strongest first · {maps.height}×{maps.width}
      </figcaption>
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

// The window's log-mel, the noised log-mel at sigma and the one-step clean estimate, side by
// side on one colour scale (the clean mel's 80 dB window, shown as a legend) with frequency and
// time axes, so the damage and the repair show.
import { ColourLegend } from '../../components/ColourLegend.tsx';
import { Heatmap } from './Heatmap.tsx';

interface Props {
  nMels: number;
  frames: number;
  mel: Float32Array;
  noised: Float32Array;
  x0: Float32Array;
  sigma: number;
  caption?: string;
  /** Where the window starts in the clip (seconds), for the time axis. */
  startSec?: number;
}

function peak(x: Float32Array): number {
  let m = -Infinity;
  for (const v of x) if (v > m) m = v;
  return m;
}

export function MelTriptych({ nMels, frames, mel, noised, x0, sigma, caption, startSec = 0 }: Props) {
  const hi = peak(mel);
  const panels = [
    { key: 'mel', title: 'Log-mel', values: mel, label: `Log-mel of the window: ${nMels} bands by ${frames} frames` },
    { key: 'noised', title: `Noised at σ = ${sigma.toFixed(2)}`, values: noised, label: `Noised log-mel at sigma ${sigma}` },
    { key: 'x0', title: 'One-step clean estimate', values: x0, label: `One-step clean estimate (x0 from v) at sigma ${sigma}` },
  ];
  return (
    <div className="mel-triptych">
      {panels.map((p) => (
        <figure key={p.key}>
          <figcaption>{p.title}</figcaption>
          <Heatmap values={p.values} rows={nMels} cols={frames} scale="mel" fixedHi={hi} label={p.label} height={170}
            melAxes={{ startSec, durationSec: frames * 0.02 }} className="heatmap heatmap-axes" />
        </figure>
      ))}
      <div className="mel-triptych-legend">
        <ColourLegend scale="mel" low="80 dB below" high="the clean mel's peak" quantity="log-mel level (all three on one scale)" />
      </div>
      {caption && <p className="hint">{caption}</p>}
    </div>
  );
}

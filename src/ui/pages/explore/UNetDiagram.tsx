// The U-Net as a clickable diagram: one row per level (down items on the left, up items on the
// right), the deepest level as the bottleneck (its down and up halves on labelled lines), every
// tap a button named exactly as the heading, the URL and the Probe page name it (d3.4.resnet),
// the paper's three probe sites marked. Built from the model's tap list, so any config draws.
import type { ModelInfoResult } from '../../../compute/messages/explore.ts';
import type { TapInfo } from '../../../unet/taps.ts';

interface Props {
  info: ModelInfoResult;
  selected: string | null;
  onSelect(tap: string): void;
}

/** The paper's name for a tap, when it is one of its probe sites. */
export function siteLabel(info: ModelInfoResult, tap: string): string | null {
  if (tap === info.sites.finalDown) return 'paper: final downsampling block';
  const b = info.sites.bottleneck.indexOf(tap);
  if (b >= 0) return `paper: bottleneck layer ${b + 1}${b === 1 || b === 2 ? ' (strongest)' : ''}`;
  if (tap === info.sites.firstUp) return 'paper: first upsampling block';
  return null;
}

function TapButton({ tap, info, selected, onSelect }: { tap: TapInfo } & Props) {
  const site = siteLabel(info, tap.name);
  const dims = tap.shape.slice(1);
  return (
    <button
      type="button"
      className={`tap${site ? ' tap-site' : ''}`}
      aria-pressed={selected === tap.name}
      aria-label={`${tap.name}${site ? `, ${site}` : ''}, ${dims[0]} channels`}
      title={`${tap.name}: [${dims.join(' × ')}]${site ? ` — ${site}` : ''}`}
      data-tap={tap.name}
      onClick={() => onSelect(tap.name)}
    >
      {tap.name}
      {site && <span className="tap-star" aria-hidden="true">★</span>}
    </button>
  );
}

export function UNetDiagram(props: Props) {
  const { info } = props;
  const n = info.config.channels.length;
  const levels = Array.from({ length: n }, (_, d) => ({
    d,
    down: info.taps.filter((t) => t.name === `d${d}.down` || t.name.startsWith(`d${d}.`)),
    up: info.taps.filter((t) => t.name.startsWith(`u${d}.`) || t.name === `level${d}`),
    size: info.taps.find((t) => t.name === `d${d}.down`)!.shape.slice(2).join('×'),
  }));
  return (
    <div className="unet" role="group" aria-label="U-Net taps: pick where to read the activations">
      {levels.map(({ d, down, up, size }) =>
        d < n - 1 ? (
          <div className="unet-row" key={d} style={{ marginInline: `${d * 1.2}rem` }}>
            <div className="unet-box unet-down">
              <span className="unet-head">level {d} down · {info.config.channels[d]} ch · {size}</span>
              {down.map((t) => <TapButton key={t.name} tap={t} {...props} />)}
            </div>
            <div className="unet-box unet-up">
              <span className="unet-head">level {d} up</span>
              {up.map((t) => <TapButton key={t.name} tap={t} {...props} />)}
            </div>
          </div>
        ) : (
          <div className="unet-row unet-bottom" key={d} style={{ marginInline: `${d * 1.2}rem` }}>
            <div className="unet-box unet-bottleneck">
              <span className="unet-head">bottleneck (level {d}) · {info.config.channels[d]} ch · {size}</span>
              <div className="unet-line"><span className="unet-sub">down</span><span className="unet-taps">{down.map((t) => <TapButton key={t.name} tap={t} {...props} />)}</span></div>
              <div className="unet-line"><span className="unet-sub">up</span><span className="unet-taps">{up.map((t) => <TapButton key={t.name} tap={t} {...props} />)}</span></div>
            </div>
          </div>
        ),
      )}
      <p className="hint">
        ★ the paper&rsquo;s probe sites. A tap is named level.item.layer: <code>d3.4.resnet</code> is the down path at level 3, item 4, its resnet
        block; <code>u</code> is the up path. Encoder taps stop the pass early; decoder taps run more of the net.
      </p>
    </div>
  );
}

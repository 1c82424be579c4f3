// A canvas heatmap of [rows, cols] values (lowest row at the bottom), stretched to the element's
// width at a fixed height, with an accessible name. Used for mels, noised mels, estimates and
// activation maps on the Explore and Models pages. With `melAxes`, a mel map gets frequency
// ticks on the left and time ticks below, as on the Clip page.
import { useEffect, useMemo, useRef } from 'react';
import { prepareCanvas, useCanvasWidth } from '../../components/useCanvasWidth.ts';
import { formatHz, FREQUENCY_TICKS_HZ, melAxisPosition, timeTicks } from '../../draw/mel-axis.ts';
import { heatImage, type HeatScale } from './heatmap-image.ts';

const AXIS_LEFT = 44;
const AXIS_BOTTOM = 18;

interface Props {
  values: Float32Array;
  rows: number;
  cols: number;
  scale: HeatScale;
  label: string;
  height?: number;
  /** Fixed top of the colour range (e.g. the clean mel's peak, so the three mels share a scale). */
  fixedHi?: number;
  className?: string;
  /** Draw mel axes: the map spans `startSec` .. `startSec + durationSec`. */
  melAxes?: { startSec: number; durationSec: number };
}

export function Heatmap({ values, rows, cols, scale, label, height = 160, fixedHi, className, melAxes }: Props) {
  const ref = useRef<HTMLCanvasElement>(null);
  const width = useCanvasWidth(ref);
  const image = useMemo(() => {
    const img = heatImage(values, rows, cols, scale, fixedHi);
    const off = new OffscreenCanvas(img.width, img.height);
    off.getContext('2d')?.putImageData(new ImageData(img.rgba as Uint8ClampedArray<ArrayBuffer>, img.width, img.height), 0, 0);
    return off;
  }, [values, rows, cols, scale, fixedHi]);

  useEffect(() => {
    const canvas = ref.current;
    if (!canvas || width === 0) return;
    const ctx = prepareCanvas(canvas, width, height);
    if (!ctx) return;
    ctx.imageSmoothingEnabled = false;
    if (!melAxes) {
      ctx.drawImage(image, 0, 0, width, height);
      return;
    }
    const plotW = width - AXIS_LEFT - 6;
    const plotH = height - AXIS_BOTTOM - 4;
    const style = getComputedStyle(canvas);
    ctx.clearRect(0, 0, width, height);
    ctx.drawImage(image, AXIS_LEFT, 4, plotW, plotH);
    ctx.fillStyle = style.color || '#222';
    ctx.font = '10px system-ui, sans-serif';
    ctx.textAlign = 'right';
    ctx.textBaseline = 'middle';
    for (const hz of FREQUENCY_TICKS_HZ.filter((f) => f !== 250 && f !== 2000)) {
      const y = 4 + plotH * (1 - melAxisPosition(hz));
      ctx.fillText(formatHz(hz), AXIS_LEFT - 5, Math.max(8, y));
      ctx.fillRect(AXIS_LEFT - 3, y, 3, 1);
    }
    ctx.textAlign = 'center';
    ctx.textBaseline = 'top';
    const { startSec, durationSec } = melAxes;
    for (const t of timeTicks(durationSec, Math.max(2, Math.floor(plotW / 60)))) {
      const x = AXIS_LEFT + (plotW * t) / durationSec;
      ctx.fillRect(x, 4 + plotH, 1, 3);
      ctx.fillText(`${Number((startSec + t).toFixed(2))} s`, Math.min(Math.max(x, AXIS_LEFT + 8), width - 14), 4 + plotH + 5);
    }
  }, [image, width, height, melAxes?.startSec, melAxes?.durationSec]);

  return <canvas ref={ref} className={className ?? 'heatmap'} style={{ height }} role="img" aria-label={label} data-rows={rows} data-cols={cols} />;
}

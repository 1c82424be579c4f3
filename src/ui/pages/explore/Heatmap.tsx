// A canvas heatmap of [rows, cols] values (lowest row at the bottom), stretched to the element's
// width at a fixed height, with an accessible name. Used for mels, noised mels, estimates and
// activation maps on the Explore and Models pages.
import { useEffect, useMemo, useRef } from 'react';
import { prepareCanvas, useCanvasWidth } from '../../components/useCanvasWidth.ts';
import { heatImage, type HeatScale } from './heatmap-image.ts';

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
}

export function Heatmap({ values, rows, cols, scale, label, height = 160, fixedHi, className }: Props) {
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
    ctx.drawImage(image, 0, 0, width, height);
  }, [image, width, height]);

  return <canvas ref={ref} className={className ?? 'heatmap'} style={{ height }} role="img" aria-label={label} data-rows={rows} data-cols={cols} />;
}

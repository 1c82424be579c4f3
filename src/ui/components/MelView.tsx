// The log-mel as a heatmap: time across, mel bands up (low frequencies at the bottom), viridis
// over an 80 dB window below the peak, with frequency and time ticks.
import { useEffect, useMemo, useRef } from 'react';
import { formatHz, FREQUENCY_TICKS_HZ, melAxisPosition, timeTicks } from '../draw/mel-axis.ts';
import { melToImage } from '../draw/mel-image.ts';
import { prepareCanvas, useCanvasWidth } from './useCanvasWidth.ts';

const HEIGHT = 280;
const LEFT = 56;
const BOTTOM = 22;

interface Props {
  logMel: Float32Array;
  nMels: number;
  frames: number;
  durationSec: number;
  label: string;
  onDrawn?: () => void;
}

export function MelView({ logMel, nMels, frames, durationSec, label, onDrawn }: Props) {
  const ref = useRef<HTMLCanvasElement>(null);
  const width = useCanvasWidth(ref);
  const image = useMemo(() => {
    const img = melToImage(logMel, nMels, frames);
    const off = new OffscreenCanvas(img.width, img.height);
    off.getContext('2d')?.putImageData(new ImageData(img.rgba as Uint8ClampedArray<ArrayBuffer>, img.width, img.height), 0, 0);
    return off;
  }, [logMel, nMels, frames]);

  useEffect(() => {
    const canvas = ref.current;
    if (!canvas || width === 0) return;
    const ctx = prepareCanvas(canvas, width, HEIGHT);
    if (!ctx) return;
    const plotW = width - LEFT - 8;
    const plotH = HEIGHT - BOTTOM - 6;
    const style = getComputedStyle(canvas);
    ctx.clearRect(0, 0, width, HEIGHT);
    ctx.imageSmoothingEnabled = frames < plotW;
    ctx.drawImage(image, LEFT, 6, plotW, plotH);
    ctx.fillStyle = style.color || '#222';
    ctx.strokeStyle = style.color || '#222';
    ctx.font = '11px system-ui, sans-serif';
    ctx.textAlign = 'right';
    ctx.textBaseline = 'middle';
    for (const hz of FREQUENCY_TICKS_HZ) {
      const y = 6 + plotH * (1 - melAxisPosition(hz));
      ctx.fillText(formatHz(hz), LEFT - 6, Math.max(10, y));
      ctx.fillRect(LEFT - 3, y, 3, 1);
    }
    ctx.textAlign = 'center';
    ctx.textBaseline = 'top';
    for (const t of timeTicks(durationSec, Math.max(2, Math.floor(plotW / 70)))) {
      const x = LEFT + (plotW * t) / durationSec;
      ctx.fillRect(x, 6 + plotH, 1, 3);
      ctx.fillText(`${t} s`, Math.min(x, width - 14), 6 + plotH + 5);
    }
    onDrawn?.();
  }, [image, width, frames, durationSec, onDrawn]);

  return <canvas ref={ref} className="mel" style={{ height: HEIGHT }} role="img" aria-label={label} data-frames={frames} />;
}

// The clip's waveform (16 kHz mono) drawn from min/max columns.
import { useEffect, useRef } from 'react';
import type { WaveformOverview } from '../../compute/messages/mel.ts';
import { prepareCanvas, useCanvasWidth } from './useCanvasWidth.ts';

const HEIGHT = 96;

export function WaveformView({ waveform, label }: { waveform: WaveformOverview; label: string }) {
  const ref = useRef<HTMLCanvasElement>(null);
  const width = useCanvasWidth(ref);

  useEffect(() => {
    const canvas = ref.current;
    if (!canvas || width === 0) return;
    const ctx = prepareCanvas(canvas, width, HEIGHT);
    if (!ctx) return;
    const style = getComputedStyle(canvas);
    ctx.fillStyle = style.getPropertyValue('--wave-bg') || '#f4f5f7';
    ctx.fillRect(0, 0, width, HEIGHT);
    ctx.strokeStyle = style.getPropertyValue('--wave-axis') || '#c9ccd3';
    ctx.beginPath();
    ctx.moveTo(0, HEIGHT / 2);
    ctx.lineTo(width, HEIGHT / 2);
    ctx.stroke();
    ctx.fillStyle = style.getPropertyValue('--wave-fg') || '#2f5d8a';
    const n = waveform.min.length;
    const mid = HEIGHT / 2;
    const gain = (HEIGHT / 2 - 2) / Math.max(1e-6, ...waveform.max, ...waveform.min.map(Math.abs));
    for (let x = 0; x < width; x++) {
      const b0 = Math.floor((x * n) / width);
      const b1 = Math.max(b0 + 1, Math.floor(((x + 1) * n) / width));
      let lo = 0;
      let hi = 0;
      for (let b = b0; b < b1 && b < n; b++) {
        lo = Math.min(lo, waveform.min[b]);
        hi = Math.max(hi, waveform.max[b]);
      }
      const top = mid - hi * gain;
      ctx.fillRect(x, top, 1, Math.max(1, (hi - lo) * gain));
    }
  }, [waveform, width]);

  return <canvas ref={ref} className="waveform" style={{ height: HEIGHT }} role="img" aria-label={label} />;
}

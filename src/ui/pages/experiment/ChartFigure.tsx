// A figure of the experiment: title, the chart, the provenance line (model, data, sigma, tap,
// head, backend), and buttons saving it as PNG/SVG and its data as CSV/JSON.
import { useRef, useState, type ReactNode } from 'react';
import { chartPng, chartSvg } from './chart-export.ts';
import { downloadBlob, downloadText, fileSlug } from './download.ts';

export interface ChartFigureProps {
  title: string;
  /** One or more provenance lines. */
  provenance: string[];
  csv?: () => string;
  json?: () => unknown;
  children: ReactNode;
  /** Data table or note under the chart. */
  after?: ReactNode;
}

export function ChartFigure({ title, provenance, csv, json, children, after }: ChartFigureProps) {
  const chart = useRef<HTMLDivElement>(null);
  const [error, setError] = useState<string | null>(null);
  const base = fileSlug(title);
  const caption = [title, ...provenance];
  const run = async (f: () => Promise<void> | void) => {
    setError(null);
    try {
      await f();
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    }
  };
  return (
    <figure className="lab-figure" aria-label={title}>
      <figcaption className="lab-figure-title">{title}</figcaption>
      <div ref={chart} className="lab-chart">{children}</div>
      {provenance.map((line) => <p key={line} className="provenance">{line}</p>)}
      {after}
      <div className="lab-export" role="group" aria-label={`Save ${title}`}>
        <button type="button" onClick={() => run(async () => downloadBlob(`${base}.png`, await chartPng(chart.current!, caption)))}>PNG</button>
        <button type="button" onClick={() => run(() => downloadText(`${base}.svg`, chartSvg(chart.current!, caption).text, 'image/svg+xml'))}>SVG</button>
        {csv && <button type="button" onClick={() => run(() => downloadText(`${base}.csv`, csv(), 'text/csv'))}>CSV</button>}
        {json && <button type="button" onClick={() => run(() => downloadText(`${base}.json`, JSON.stringify(json(), null, 1), 'application/json'))}>JSON</button>}
      </div>
      {error && <p role="alert" className="error">{error}</p>}
    </figure>
  );
}

// Sweep page: run the paper's three stages (sigma, then tap, then head) with the random-init
// control and the Han CNN; a progress bar with time left; Figure 2 as live charts. Results are
// saved in IndexedDB after every cell, and an unfinished sweep resumes after a reload. Below the
// charts, the paper's claims answered on the sweep shown (SweepClaims).
import { useEffect, useState } from 'react';
import { ProgressLine } from '../experiment/ProgressLine.tsx';
import { SweepCharts } from './SweepCharts.tsx';
import { SweepClaims } from './SweepClaims.tsx';
import { SweepForm } from './SweepForm.tsx';
import { useSweep } from './sweep-state.ts';
import { formatDuration, secondsLeft } from './time-left.ts';

function useNow(active: boolean): number {
  const [now, setNow] = useState(() => performance.now());
  useEffect(() => {
    if (!active) return;
    const t = setInterval(() => setNow(performance.now()), 1000);
    return () => clearInterval(t);
  }, [active]);
  return now;
}

export function SweepPage() {
  const s = useSweep();
  useEffect(() => void useSweep.getState().init(), []);
  const now = useNow(s.running);
  const cells = s.cells;
  const left = cells ? secondsLeft(cells.done, s.skipped, cells.planned, (now - s.startedAtMs) / 1000) : null;
  const overall = cells ? { stage: 'cells done', done: cells.done, total: cells.planned } : null;
  const r = s.results;
  return (
    <section className="sweep-page" aria-labelledby="sweep-heading">
      <h2 id="sweep-heading">Sweep: noise level, then layer, then head</h2>
      <p className="hint">
        As in the paper: stage 1 trains an MLP at a bottleneck tap for every sigma; stage 2 tries the paper&rsquo;s taps at the best
        sigma; stage 3 the four heads at the best sigma and tap. Choices use validation F1 only; the charts show test F1.
      </p>
      <SweepForm />
      <div className="field">
        <label htmlFor="sweep-import">Import sweep results (JSON)</label>
        <input id="sweep-import" type="file" accept=".json,application/json" disabled={s.running}
          onChange={(e) => { const f = e.target.files?.[0]; e.target.value = ''; if (f) void s.importResults(f); }} />
        <span className="hint">this page&rsquo;s JSON export, or the results file of <code>npx diffpir sweep --out</code></span>
      </div>
      {s.message && <p className="message" role="status">{s.message}</p>}
      {s.error && <p role="alert" className="error">{s.error}</p>}
      {s.running && (
        <>
          <ProgressLine label="Sweep progress" progress={overall} extra={`time left ${formatDuration(left)}`} />
          <p className="hint" data-testid="sweep-step">{s.progress ? `${s.progress.stage}${s.progress.total ? ` ${s.progress.done}/${s.progress.total}` : ''}${s.progress.detail ? ` (${s.progress.detail})` : ''}` : ''}</p>
        </>
      )}
      {r && (
        <>
          <p data-testid="sweep-status">
            {r.cells.length} cells done · wall time {formatDuration(r.wallSeconds)}
            {r.choices.sigma ? ` · best sigma ${r.choices.sigma.value}` : ''}{r.choices.tap ? ` · best tap ${r.choices.tap.value}` : ''}{r.choices.head ? ` · best head ${r.choices.head.value}` : ''}
            {s.session ? ` · ${s.session.status}` : ''}
          </p>
          {r.notes.map((n) => <p key={n} className="hint">{n}</p>)}
          <SweepCharts results={r} />
          <SweepClaims results={r} />
        </>
      )}
    </section>
  );
}

// A progress bar with its text, announced politely to screen readers.
import type { Progress } from '../../../common/progress.ts';

export function ProgressLine({ label, progress, extra }: { label: string; progress: Progress | null; extra?: string }) {
  const pct = progress && progress.total > 0 ? Math.min(100, (100 * progress.done) / progress.total) : null;
  return (
    <div className="lab-progress">
      {pct !== null ? (
        <progress aria-label={label} max={100} value={pct} />
      ) : (
        <progress aria-label={label} />
      )}
      <p aria-live="polite" className="lab-progress-text">
        {progress ? `${progress.stage}${progress.total > 0 ? ` ${progress.done}/${progress.total}` : ''}${progress.detail ? ` (${progress.detail})` : ''}` : ''}
        {extra ? ` · ${extra}` : ''}
      </p>
    </div>
  );
}

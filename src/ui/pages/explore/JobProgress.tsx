// A running job's progress: a bar (determinate when the total is known), the stage and detail
// announced politely, and a Cancel button.
import type { Progress } from '../../../common/progress.ts';

interface Props {
  label: string;
  progress: Progress | null;
  running: boolean;
  onCancel?: () => void;
  /** The cancel button's text ("Cancel" unless told). */
  cancelLabel?: string;
}

export function JobProgress({ label, progress, running, onCancel, cancelLabel = 'Cancel' }: Props) {
  const text = progress ? `${progress.stage}${progress.total > 0 ? ` ${progress.done}/${progress.total}` : ''}${progress.detail ? ` (${progress.detail})` : ''}` : running ? 'starting…' : '';
  return (
    <div className="job-progress">
      {running && (
        <progress aria-label={label} max={progress && progress.total > 0 ? progress.total : undefined} value={progress && progress.total > 0 ? progress.done : undefined} />
      )}
      <span role="status" aria-live="polite" className="job-status">{running ? text : ''}</span>
      {running && onCancel && <button type="button" onClick={onCancel}>{cancelLabel}</button>}
    </div>
  );
}

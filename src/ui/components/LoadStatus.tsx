// Progress of the current load (announced politely) and the last error (an alert).
import { useClip } from '../state/clip.ts';

export function LoadStatus() {
  const { progress, error, clip } = useClip();
  const stage = progress
    ? `${progress.stage}${progress.detail ? ` (${progress.detail})` : ''}…`
    : '';
  return (
    <>
      <p className="progress" role="status" aria-live="polite">{stage}</p>
      {error && (
        <p className="error" role="alert">
          {error}
          {clip && <span className="error-aside"> Still showing {clip.fileName}.</span>}
        </p>
      )}
    </>
  );
}

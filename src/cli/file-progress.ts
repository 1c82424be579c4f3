// Progress of a many-file CLI job on stderr: "<command>: 12/200 files (name)", at most every
// 2 seconds, plus the first and the last; nothing for a single file.
import type { Progress } from '../common/progress.ts';

export function fileProgress(command: string, everyMs = 2000): (p: Progress) => void {
  let last = -Infinity;
  return (p) => {
    if (p.total <= 1) return;
    const now = Date.now();
    const edge = p.done === 0 || p.done === p.total;
    if (!edge && now - last < everyMs) return;
    last = now;
    console.error(`${command}: ${p.done}/${p.total} files${p.detail ? ` (${p.detail})` : ''}`);
  };
}

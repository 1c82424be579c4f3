// The Data page's status line, true to what the render is doing: which preset, how many clips
// are stored, and a sound bank loading as a note beside the count (not instead of it).
import { builtinCorpusId, type CorpusListing } from '../../../store/corpus-store.ts';
import type { RenderJob } from '../../state/corpus.ts';

/** The built-in corpora are rendered with seed 1 (CORPUS_SEED in state/corpus.ts). */
const SEED = 1;

export function renderStatus(job: Pick<RenderJob, 'running' | 'preset' | 'clips' | 'progress' | 'stopped' | 'result'>, corpora: CorpusListing[]): string {
  const stored = (p: string | null) => (p ? corpora.find((x) => x.id === builtinCorpusId(p, SEED))?.manifest.clips.length ?? 0 : 0);
  if (job.running) {
    const c = job.clips;
    const count = c ? `${c.done} of ${c.total} clips rendered and stored` : 'starting';
    const bank = job.progress?.stage === 'loading sound bank' ? ` · loading sound bank ${job.progress.detail ?? ''}`.trimEnd() : '';
    return `Rendering ${job.preset}: ${count}${bank}.`;
  }
  if (job.stopped) return `Stopped: ${stored(job.preset)} clips of ${job.preset} are stored and kept; rendering resumes from there.`;
  if (job.result && job.preset) return `${job.preset} is ready: ${stored(job.preset)} clips stored in this browser, used by Explore, Probe and Sweep.`;
  const builtins = corpora.filter((x) => x.id.startsWith('builtin:'));
  if (builtins.length === 0) return 'Nothing rendered in this browser yet.';
  return `Stored here: ${builtins.map((x) => `${x.id.split(':')[1]} (${x.manifest.clips.length} clips)`).join(', ')}.`;
}

// Node side of score-han: a Han CNN folder scored on one split of a corpus folder
// (manifest.json), overall and, when asked, per source of the clips' labelled parts.
import type { JobOptions } from '../common/progress.ts';
import { clipsOf } from '../corpus/manifest.ts';
import { loadManifest } from '../corpus/manifest-node.ts';
import type { Split } from '../corpus/types.ts';
import { loadHanDir, loadMelClips } from './node.ts';
import { labelledSources, reportsBySource, type SourceReport } from '../evaluation/by-source.ts';
import { scoreHanSplit, type HanSplitScore } from './score-han.ts';

export interface ScoreHanOnCorpusResult {
  score: HanSplitScore;
  bySource?: SourceReport[];
  threshold: readonly number[];
}

export async function scoreHanOnCorpus(
  hanDir: string, corpusDir: string, split: Split, opts: JobOptions & { bySource?: boolean } = {},
): Promise<ScoreHanOnCorpusResult> {
  const manifest = loadManifest(corpusDir);
  const { classes, clips } = await loadMelClips(corpusDir, split, opts);
  const han = await loadHanDir(hanDir);
  try {
    const score = await scoreHanSplit(han, classes, clips, split);
    const records = new Map(clipsOf(manifest, split).map((c) => [c.id, c]));
    const bySource = opts.bySource ? reportsBySource(score, (id) => labelledSources(records.get(id)!)) : undefined;
    return { score, bySource, threshold: [...han.meta.threshold.values] };
  } finally {
    han.dispose();
  }
}

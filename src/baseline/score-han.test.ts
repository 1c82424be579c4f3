// score-han's engine: the shipped Han CNN (models/han-cnn-small) on a tiny tone corpus made here;
// the split report matches classWiseMetrics on its decisions, and --by source groups clips by the
// sources of their labelled parts (a clip with two sources counts under both; none -> NO_SOURCE;
// the grouping rule itself is tested in evaluation/by-source.test.ts).
import * as tf from '@tensorflow/tfjs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../audio/test-helpers.ts';
import { initNodeBackend } from '../compute/node.ts';
import { labelSet } from '../evaluation/labels.ts';
import { classWiseMetrics } from '../evaluation/metrics.ts';
import { NO_SOURCE } from '../evaluation/by-source.ts';
import { scoreHanOnCorpus } from './score-han-node.ts';
import { SOURCED_TEST_CLIPS, writeSourcedToneCorpus } from './test-helpers.ts';

const HAN = path.join(REPO_ROOT, 'models/han-cnn-small');
let corpus = '';

beforeAll(async () => {
  await initNodeBackend('wasm');
  const root = await mkdtemp(path.join(tmpdir(), 'score-han-'));
  corpus = path.join(root, 'corpus');
  await writeSourcedToneCorpus(corpus);
  return () => rm(root, { recursive: true, force: true });
});

describe('scoreHanOnCorpus', () => {
  it('scores the test split at the stored threshold and per source, leaking no tensors', async () => {
    const start = tf.memory().numTensors;
    const r = await scoreHanOnCorpus(HAN, corpus, 'test', { bySource: true });
    expect(tf.memory().numTensors).toBe(start);
    const { score } = r;
    expect(score.clipIds).toEqual(['t1', 't2', 't3', 't4', 't5']);
    expect(score.report.clips).toBe(5);
    expect(r.threshold[0]).toBe(0.83);
    const classes = score.predictions.classes;
    const labels = labelSet('test', classes, SOURCED_TEST_CLIPS.slice(0, 5).map((c) => c.labels));
    expect(score.report).toEqual(classWiseMetrics(score.predictions, labels));
    expect(score.report.classes.find((c) => c.code === 'pia')!.support).toBe(1);

    expect(r.bySource!.map((s) => [s.source, s.report.clips])).toEqual([['lib:salamander', 2], ['sf:FluidR3Mono_GM', 2], ['sf:TimGM6mb', 1], [NO_SOURCE, 1]]);
    const rows = (ids: string[]) => ids.map((id) => score.clipIds.indexOf(id));
    const sub = (ids: string[]) => classWiseMetrics(
      { classes, rows: rows(ids).map((i) => score.predictions.rows[i]) },
      labelSet('test', classes, rows(ids).map((i) => labels.rows[i])));
    expect(r.bySource![0].report).toEqual(sub(['t2', 't3']));
    expect(r.bySource![1].report).toEqual(sub(['t1', 't2']));
    expect(r.bySource![2].report).toEqual(sub(['t5']));
    expect(r.bySource![3].report).toEqual(sub(['t4']));
  });

  it('scores another split, without source groups unless asked', async () => {
    const r = await scoreHanOnCorpus(HAN, corpus, 'validation');
    expect(r.score.clipIds).toEqual(['v1']);
    expect(r.score.report.split).toBe('validation');
    expect(r.bySource).toBeUndefined();
  });
});

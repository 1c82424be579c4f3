// `sweepRun`: runSweep (src/sweep/sweep.ts) with the worker's feature cache, an IndexedDB results
// store (saved after every cell, so a reload resumes), the random-init control and the Han CNN.
// Progress says how many cells are done of all the sweep will run (for the bar and time left).
import { controlFor } from '../../features/model-source.ts';
import { hanBaseline } from '../../sweep/baseline.ts';
import { stageTaps } from '../../sweep/plan.ts';
import { sweepSettings } from '../../sweep/settings.ts';
import { IdbResultsStore } from '../../sweep/store.ts';
import { isQuotaError, quotaError } from '../../store/quota.ts';
import { runSweep } from '../../sweep/sweep.ts';
import type { ResultsStore, SweepSettings } from '../../sweep/types.ts';
import { defineHandler } from '../handler.ts';
import type { LabProgress } from '../messages/lab-common.ts';
import { labFeatureCache, labModel } from './lab-context.ts';
import { openLabCorpus } from './lab-corpus.ts';

/** Cells the whole sweep runs: per stage, its candidates times the models, plus the baseline. */
export function plannedCells(settings: SweepSettings, stage2Taps: number, roles: number, baseline: boolean): number {
  const per = { 1: settings.sigmas.length, 2: stage2Taps, 3: settings.heads.length };
  return settings.stages.reduce((n, s) => n + per[s] * roles, 0) + (baseline ? 1 : 0);
}

/** The IndexedDB results store, with a full quota reported as a clear LabError (cells saved before are kept). */
function resultsStore(key: string): ResultsStore {
  const idb = new IdbResultsStore(key);
  return {
    name: idb.name,
    load: () => idb.load(),
    async save(results) {
      try {
        await idb.save(results);
      } catch (e) {
        throw isQuotaError(e) ? quotaError(idb.name, e) : e;
      }
    },
  };
}

export const sweepRunHandler = defineHandler('sweepRun', {
  run: async (p, ctx) => {
    const settings = sweepSettings(p.settings);
    ctx.onProgress({ stage: 'loading the model', done: 0, total: 0, detail: p.model });
    const subject = await labModel(p.model, p.appBase, { signal: ctx.signal });
    const control = p.control && subject.randomSeed === undefined ? await controlFor(subject) : undefined;
    const corpus = await openLabCorpus(p.corpus, settings.maxClips);
    const roles = control ? 2 : 1;
    const planned = plannedCells(settings, stageTaps(subject.config, settings.stage1Tap).stage2Taps.length, roles, p.baseline);
    let done = 0;
    const cache = labFeatureCache();
    const results = await runSweep({
      subject, control, corpus, cache, store: resultsStore(p.key),
      baseline: p.baseline ? hanBaseline(settings) : undefined,
    }, settings, {
      signal: ctx.signal,
      onStep: (step) => ctx.onProgress({ ...step, cells: { done, planned } } as LabProgress),
      onCell: (cell, skipped) => {
        done++;
        const progress: LabProgress = { stage: 'sweep', done, total: planned, detail: cell.id, cell, cellSkipped: skipped, cells: { done, planned } };
        ctx.onProgress(progress);
      },
    });
    results.notes.push(...cache.drainWarnings());
    return results;
  },
});

// `corpusRender`: the built-in corpus rendered into IndexedDB, clip by clip (resumes from what is
// stored; a full quota stops it with everything rendered so far kept). `corpusThumbs`: small
// log-mel pictures of stored clips for the Data page. Neither touches TensorFlow.js, so they
// run beside other requests (the renderer yields between clips).
import { loadAudio16k } from '../../audio/load.ts';
import { logMel } from '../../audio/mel.ts';
import { throwIfCancelled } from '../../common/progress.ts';
import { loadBankFromUrl } from '../../store/banks.ts';
import { loadSampleBankFromUrl } from '../../store/sample-bank.ts';
import { browserCorpusStore } from '../../store/corpus-store.ts';
import { renderBuiltinCorpus } from '../../store/render-builtin.ts';
import { melThumbnail } from '../../store/thumbnail.ts';
import { defineHandler } from '../handler.ts';
import type { CorpusThumb } from '../messages/corpus.ts';

export const corpusRenderHandler = defineHandler('corpusRender', {
  needsBackend: false,
  retryOnWasm: false,
  concurrent: true,
  run: async (p, ctx) => {
    const t0 = performance.now();
    const r = await renderBuiltinCorpus({
      preset: p.preset, seed: p.seed, perClassLimit: p.perClassLimit, store: browserCorpusStore(), signal: ctx.signal,
      loadBank: (name) => {
        ctx.onProgress({ stage: 'loading sound bank', done: 0, total: 0, detail: name });
        return loadBankFromUrl(name, p.bankBase);
      },
      sampleBank: () => loadSampleBankFromUrl(p.bankBase),
      onProgress: async (pr) => ctx.onProgress(pr),
    });
    return {
      corpusId: r.corpusId, clips: r.manifest.clips.length, planned: r.planned, rendered: r.rendered, reused: r.reused,
      renderSeconds: r.renderSeconds, audioSeconds: r.audioSeconds, wallSeconds: (performance.now() - t0) / 1000,
    };
  },
});

export const corpusThumbsHandler = defineHandler('corpusThumbs', {
  needsBackend: false,
  retryOnWasm: false,
  concurrent: true,
  run: async (p, ctx) => {
    const store = browserCorpusStore();
    const manifest = await store.manifest(p.corpus);
    const thumbs: CorpusThumb[] = [];
    const failed: { clip: string; why: string }[] = [];
    for (const id of p.clips) {
      throwIfCancelled(ctx.signal, 'thumbnails');
      try {
        const record = manifest?.clips.find((c) => c.id === id);
        const blob = p.blobs?.[id];
        const bytes = blob ? new Uint8Array(await blob.arrayBuffer()) : record ? await store.readFile(p.corpus, record.file) : undefined;
        if (!bytes) throw new Error('audio not available');
        const audio = await loadAudio16k(bytes, record?.file ?? id);
        const mel = logMel(audio.samples);
        const t = melThumbnail(mel.logMel, mel.nMels, mel.frames, p.bands ?? 32, p.columns ?? 96);
        thumbs.push({ clip: id, ...t, durationSec: audio.durationSec });
        ctx.transfer(t.levels.buffer);
      } catch (e) {
        failed.push({ clip: id, why: e instanceof Error ? e.message : String(e) });
      }
      await new Promise((r) => setTimeout(r, 0));
    }
    return { thumbs, failed };
  },
});

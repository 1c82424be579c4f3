// `explore`: one Explore view (see messages/explore.ts) and `modelInfo` (config, taps and probe
// sites of a model, loading it so the first view is faster).
import { MEL_CONFIG } from '../../audio/config.ts';
import { throwIfCancelled } from '../../common/progress.ts';
import { browserOpeners, browserReaders } from '../../explore/browser-io.ts';
import { openClip } from '../../explore/open-clip.ts';
import { openControl, openModel, unetOf } from '../../explore/open-model.ts';
import { denormalise } from '../../explore/tensors.ts';
import { controlMaps, modelView } from '../../explore/view.ts';
import { normaliseLogMel } from '../../features/mel-norm.ts';
import { windowNoise } from '../../features/noise.ts';
import { clipWindows, DEFAULT_WINDOW, FRAME_SECONDS, windowSlice } from '../../features/windows.ts';
import { listTaps, paperProbeSites } from '../../unet/taps.ts';
import { defineHandler } from '../handler.ts';

const built = new Set<string>();

export const exploreHandler = defineHandler('explore', {
  run: async (p, ctx) => {
    const t0 = performance.now();
    ctx.onProgress({ stage: 'loading the model and the clip', done: 0, total: 3 });
    const model = await openModel(p.model, browserOpeners, { signal: ctx.signal });
    const clip = await openClip(p.clip, browserReaders, p.demoBytes);
    throwIfCancelled(ctx.signal, 'explore');
    const nMels = MEL_CONFIG.nMels;
    const spans = clipWindows(clip.mel.frames, DEFAULT_WINDOW);
    const w = Math.max(0, Math.min(spans.length - 1, Math.floor(p.window ?? 0)));
    const span = spans[w];
    const norm = normaliseLogMel(clip.mel.logMel, nMels, model.melNorm);
    const mel = windowSlice(norm, nMels, span, model.melNorm);
    const noise = windowNoise(p.seed, clip.hash, span.start, mel.length);
    const input = { mel, noise, nMels, sigma: p.sigma, tap: p.tap, topK: p.topK ?? 16 };
    const key = `${model.id}:${model.hash}`;
    const warmedUp = !built.has(key);
    ctx.onProgress({ stage: warmedUp ? 'warming up: building the U-Net (first use)' : 'running the U-Net', done: 1, total: 3, detail: model.id });
    const t1 = performance.now();
    const view = await modelView(unetOf(model), input);
    built.add(key);
    const t2 = performance.now();
    throwIfCancelled(ctx.signal, 'explore');
    let controlId: string | null = null;
    let cmaps = null;
    if (p.tap && p.control !== false && model.randomSeed === undefined) {
      ctx.onProgress({ stage: 'running the random-init control', done: 2, total: 3 });
      const control = await openControl(model);
      controlId = control.id;
      cmaps = await controlMaps(unetOf(control), { ...input, tap: p.tap });
    }
    const t3 = performance.now();
    const raw = windowSlice(clip.mel.logMel, nMels, span, { mean: 0, std: 1, source: 'default' });
    const { mean, std } = model.melNorm;
    const result = {
      modelId: model.id, controlId, clipName: clip.name, durationSec: clip.durationSec, sigma: p.sigma, tap: p.tap,
      window: w, windows: spans.length, windowStartSec: span.start * FRAME_SECONDS,
      nMels, frames: span.end - span.start,
      mel: raw, noised: denormalise(view.noised, nMels, mean, std), x0: denormalise(view.x0, nMels, mean, std),
      maps: view.maps, controlMaps: cmaps, warmedUp,
      timings: { loadMs: t1 - t0, modelMs: t2 - t1, controlMs: t3 - t2, totalMs: performance.now() - t0 },
    };
    ctx.transfer(result.mel.buffer, result.noised.buffer, result.x0.buffer);
    for (const m of [view.maps, cmaps]) if (m) ctx.transfer(m.data.buffer);
    return result;
  },
});

export const modelInfoHandler = defineHandler('modelInfo', {
  run: async (p, ctx) => {
    const model = await openModel(p.model, browserOpeners, { signal: ctx.signal, onProgress: ctx.onProgress });
    const cfg = model.config;
    const input = cfg.dim === 2 ? [1, cfg.in_channels, MEL_CONFIG.nMels, DEFAULT_WINDOW.frames] : [1, cfg.in_channels, DEFAULT_WINDOW.frames];
    let parameters = 0;
    for (const w of model.weights.values()) parameters += w.data.length;
    return {
      id: model.id, origin: model.origin, config: cfg, configJson: model.configJson,
      taps: listTaps(cfg, input), sites: paperProbeSites(cfg), parameters,
      melNorm: { mean: model.melNorm.mean, std: model.melNorm.std, source: model.melNorm.source },
    };
  },
});

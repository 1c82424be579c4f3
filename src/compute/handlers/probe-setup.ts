// `probeSetup`: a model's taps, the paper's probe sites, and each head's parameter count for the
// features at a tap (pooled for the MLP, maps for the others). Reads only the model's config.
import { MEL_CONFIG } from '../../audio/config.ts';
import { modelConfigBrowser } from '../../features/model-source-browser.ts';
import { tapFeatureShape } from '../../features/forward-batch.ts';
import { DEFAULT_WINDOW } from '../../features/windows.ts';
import { HEAD_KINDS, headParamCount, type HeadKind } from '../../probes/heads/index.ts';
import { stageTaps } from '../../sweep/plan.ts';
import { paperProbeSites, tapNames } from '../../unet/taps.ts';
import { defineHandler } from '../handler.ts';

export const probeSetupHandler = defineHandler('probeSetup', {
  needsBackend: false,
  retryOnWasm: false,
  concurrent: true,
  run: async (params) => {
    const config = await modelConfigBrowser(params.model, params.appBase);
    const sites = paperProbeSites(config);
    const defaultTap = stageTaps(config).stage1Tap;
    const tap = params.tap && tapNames(config).includes(params.tap) ? params.tap : defaultTap;
    const shape = (pooled: boolean) => tapFeatureShape(config, tap, MEL_CONFIG.nMels, DEFAULT_WINDOW.frames, pooled);
    const pooledShape = shape(true);
    const mapShape = shape(false);
    const classes = params.classes ?? 11;
    const parameters = Object.fromEntries(HEAD_KINDS.map((k) => [k, headParamCount(k, k === 'mlp' ? pooledShape : mapShape, classes)])) as Record<HeadKind, number>;
    return { model: params.model, taps: tapNames(config), sites, defaultTap, tap, pooledShape, mapShape, parameters };
  },
});

// `diffpir eval-diffusion`: a model's denoising quality on a corpus split, as one JSON object:
// {"model", "clips", "vLoss" (mean v MSE over sigma in {0.1, 0.3, 0.5, 0.7, 0.9}), "vLossBySigma",
// "x0Error" (one-step x0 MSE at sigma 0.5 against the clean normalised mel)}, centre crops,
// seeded noise (the same for every model).
import type { Command } from '../command.ts';
import { LabError } from '../../common/errors.ts';
import { initNodeBackend } from '../../compute/node.ts';
import { SPLITS, type Split } from '../../corpus/types.ts';
import { resolveModelNode } from '../../features/model-source-node.ts';
import { stderrProgress } from '../../training/cliSupport.ts';
import { resolveCorpusDir } from '../../training/corpusDir.ts';
import { evaluateDiffusion } from '../../training/evaluate.ts';
import { normaliseClips } from '../../training/melData.ts';
import { loadSplitMels } from '../../training/melData-node.ts';
import { createUNet } from '../../unet/model.ts';

export const evalDiffusionCommand: Command = {
  name: 'eval-diffusion',
  summary: 'Denoising v-loss and one-step x0 error of a model (or random-init) on a corpus split, as JSON',
  usage:
    'npx diffpir eval-diffusion --model <dir|name|random-init[:base]> --corpus <dir|preset> [--split test]\n' +
    '    [--frames 104] [--seed 0] [--batch 8] [--limit N] [--backend wasm|cpu]',
  async run(args) {
    const modelArg = args.requireStr('model');
    const split = (args.str('split') ?? 'test') as Split;
    if (!SPLITS.includes(split)) throw new LabError(`eval-diffusion: --split must be one of ${SPLITS.join(', ')}, got "${split}"`);
    const frames = args.num('frames', 104)!;
    if (!Number.isInteger(frames) || frames < 8 || frames % 8 !== 0) throw new LabError(`eval-diffusion: --frames must be a multiple of 8, got ${frames}`);
    await initNodeBackend(args.str('backend'));
    const onProgress = stderrProgress();
    const source = await resolveModelNode(modelArg);
    const corpusDir = await resolveCorpusDir(args.requireStr('corpus'), { onProgress });
    const raw = await loadSplitMels(corpusDir, split, { onProgress, limit: args.num('limit') });
    const clips = normaliseClips(raw, source.melNorm);
    const model = createUNet(source.config, source.weights);
    try {
      const r = evaluateDiffusion(model, clips, source.melNorm, { frames, seed: args.num('seed', 0), batch: args.num('batch', 8), onProgress });
      console.log(JSON.stringify({ model: source.id, clips: r.clips, vLoss: r.vLoss, vLossBySigma: r.vLossBySigma, x0Error: r.x0Error }));
    } finally {
      model.dispose();
    }
  },
};

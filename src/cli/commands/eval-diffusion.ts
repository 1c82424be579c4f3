// `diffpir eval-diffusion`: models' denoising quality on a corpus split (any folder with a manifest, e.g.
// the real-recording validation set), each optionally beside its random-init control; one JSON object per model:
// {"model", "clips", "vLoss" (mean v MSE over sigma in {0.1, 0.3, 0.5, 0.7, 0.9}), "vLossBySigma",
// "x0Error" (one-step x0 MSE at sigma 0.5 against the clean normalised mel)}, centre crops,
// seeded noise (the same for every model).
import type { Command } from '../command.ts';
import { LabError } from '../../common/errors.ts';
import { initNodeBackend } from '../../compute/node.ts';
import { SPLITS, type Split } from '../../corpus/types.ts';
import { controlFor } from '../../features/model-source.ts';
import { resolveModelNode } from '../../features/model-source-node.ts';
import { stderrProgress } from '../../training/cliSupport.ts';
import { resolveCorpusDir } from '../../training/corpusDir.ts';
import { evaluateDiffusion } from '../../training/evaluate.ts';
import { normaliseClips } from '../../training/melData.ts';
import { loadSplitMels } from '../../training/melData-node.ts';
import { createUNet } from '../../unet/model.ts';

export const evalDiffusionCommand: Command = {
  name: 'eval-diffusion',
  summary: 'Denoising v-loss and one-step x0 error of models (each with its random-init control) on a corpus split, as JSON lines',
  usage:
    'npx diffpir eval-diffusion --model <dir|name|random-init[:base]>[,<model>...] --corpus <dir|preset> [--split test] [--control]\n' +
    '    [--frames 104] [--seed 0] [--batch 8] [--limit N] [--backend wasm|cpu]\n' +
    '  --corpus   any corpus folder with a manifest.json (a rendered corpus, the real-recording validation set\n' +
    '             assembled by src/corpus/real-validation/assemble.ts, an imported IRMAS folder) or a preset\n' +
    '  --control  also evaluate random-init:<model> (same config and mel normalisation, seed 0) after each model\n' +
    '  One JSON object per line: {"model", "corpus", "split", "clips", "vLoss", "vLossBySigma", "x0Error"}; the same\n' +
    '  clips, crops and noise for every model.',
  async run(args) {
    const models = args.requireStr('model').split(',').map((m) => m.trim()).filter(Boolean);
    const split = (args.str('split') ?? 'test') as Split;
    if (!SPLITS.includes(split)) throw new LabError(`eval-diffusion: --split must be one of ${SPLITS.join(', ')}, got "${split}"`);
    const frames = args.num('frames', 104)!;
    if (!Number.isInteger(frames) || frames < 8 || frames % 8 !== 0) throw new LabError(`eval-diffusion: --frames must be a multiple of 8, got ${frames}`);
    await initNodeBackend(args.str('backend'));
    const onProgress = stderrProgress();
    const corpusArg = args.requireStr('corpus');
    const corpusDir = await resolveCorpusDir(corpusArg, { onProgress });
    const raw = await loadSplitMels(corpusDir, split, { onProgress, limit: args.num('limit') });
    for (const modelArg of models) {
      const subject = await resolveModelNode(modelArg);
      const sources = args.bool('control') && !subject.id.startsWith('random-init') ? [subject, await controlFor(subject)] : [subject];
      for (const source of sources) {
        const clips = normaliseClips(raw, source.melNorm);
        const model = createUNet(source.config, source.weights);
        try {
          const r = evaluateDiffusion(model, clips, source.melNorm, { frames, seed: args.num('seed', 0), batch: args.num('batch', 8), onProgress });
          console.log(JSON.stringify({ model: source.id, corpus: corpusArg, split, clips: r.clips, vLoss: r.vLoss, vLossBySigma: r.vLossBySigma, x0Error: r.x0Error }));
        } finally {
          model.dispose();
        }
      }
    }
  },
};

// `diffpir export`: a model folder (or a model name, e.g. student-v1) -> a PyTorch safetensors
// checkpoint in the state_dict layout of audio-diffusion-pytorch's DiffusionModel (every tensor
// under net., diffusion.net. and sampler.net., torch layouts, the time-Linear alias restored), so
// `load_state_dict(strict=True)` accepts it; --bare writes a bare UNetV0 state_dict instead.
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Command } from '../command.ts';
import { modelDirOf } from '../../features/model-source-node.ts';
import { exportSafetensors, loadModelDir } from '../../weights/index.ts';

export const exportCommand: Command = {
  name: 'export',
  summary: 'Export a model folder as a PyTorch (DiffusionModel state_dict) .safetensors checkpoint',
  usage: 'npx diffpir export <model dir|name> --out <file.safetensors> [--bare]\n' +
    '  --bare  keys of a bare UNetV0 (no net./diffusion.net./sampler.net. prefixes): one copy of each tensor, a third of the size\n' +
    '  without --bare every tensor is written three times, as DiffusionModel.state_dict() lists it (its three names share storage in PyTorch)',
  async run(args) {
    const dir = await modelDirOf(args.positional(0, 'the model folder'));
    const out = args.requireStr('out');
    const model = await loadModelDir(dir);
    for (const w of model.warnings) console.error(`warning: ${w}`);
    const bare = args.bool('bare');
    const bytes = exportSafetensors(model.weights, {
      prefixes: bare ? [''] : undefined,
      metadata: { format: 'pt', source: `diffpir export of ${path.basename(path.resolve(dir))}`, unet: JSON.stringify(model.config) },
    });
    mkdirSync(path.dirname(path.resolve(out)), { recursive: true });
    writeFileSync(out, bytes);
    const copies = bare ? '' : ' (each under net., diffusion.net. and sampler.net., as DiffusionModel.state_dict() has them; --bare for one copy)';
    console.log(`${dir} -> ${out}: ${model.weights.size} tensors, ${(bytes.length / 2 ** 20).toFixed(1)} MiB float32${copies}`);
  },
};

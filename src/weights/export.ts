// NamedWeights (TF.js layout) -> a PyTorch-loadable safetensors checkpoint: torch layout, the
// time-Linear alias restored, under every prefix a DiffusionModel state_dict has (so
// `load_state_dict(strict=True)` accepts it), or under the prefixes asked for ('' for a bare UNetV0).
import { encodeFloat32 } from './dtypes.ts';
import { KNOWN_COPY_PREFIXES, TIME_LINEAR_ALIAS_PREFIX, TIME_LINEAR_PREFIX } from './keys.ts';
import { toTorchLayout } from './layout.ts';
import { encodeSafetensors, type TensorSpec } from './safetensors-write.ts';
import type { NamedWeights } from './types.ts';

export interface ExportOptions {
  /** Key prefixes to write each tensor under (default: net., diffusion.net., sampler.net.). */
  prefixes?: readonly string[];
  metadata?: Record<string, string>;
}

/** The whole checkpoint in memory (F32, little-endian). */
export function exportSafetensors(weights: NamedWeights, opts: ExportOptions = {}): Uint8Array {
  const torch: { key: string; shape: number[]; bytes: Uint8Array }[] = [];
  for (const [key, t] of weights) {
    const tt = toTorchLayout(key, t);
    torch.push({ key, shape: tt.shape, bytes: encodeFloat32(tt.data) });
    if (key.startsWith(TIME_LINEAR_PREFIX)) torch.push({ key: TIME_LINEAR_ALIAS_PREFIX + key.slice(TIME_LINEAR_PREFIX.length), shape: tt.shape, bytes: encodeFloat32(tt.data) });
  }
  const prefixes = opts.prefixes ?? KNOWN_COPY_PREFIXES;
  const tensors: (TensorSpec & { bytes: Uint8Array })[] = prefixes.flatMap((p) => torch.map((t) => ({ name: p + t.key, dtype: 'F32', shape: t.shape, bytes: t.bytes })));
  return encodeSafetensors(tensors, opts.metadata ?? { format: 'pt' });
}

// Public types of the weights part. The contract between weights and unet:
// a checkpoint becomes a map from canonical key to a float32 tensor in TF.js layout.
//
// Canonical key = the PyTorch state_dict key of the UNetV0 with the `net.` prefix removed,
// e.g. `blocks.2.blocks.1.net.block.blocks.0.block.weight` (the `diffusion.net.` and
// `sampler.net.` copies are dropped; the shared time Linear is read once, from
// `blocks.1.blocks.0.0.*`, and the alias `blocks.1.blocks.1.0.*` is not in the map).
//
// TF.js layout: Conv2d [O,I,kh,kw] -> [kh,kw,I,O]; Conv1d [O,I,k] -> [k,I,O];
// Linear [out,in] -> [in,out]; everything else (norm weights/biases, biases, the null
// embedding table [64,768] `blocks.2.blocks.0.blocks.0.weight`, the 128 time frequencies
// `blocks.0.weights`) unchanged. `layout.ts` owns this rule.

export interface WeightTensor {
  shape: number[];
  data: Float32Array;
}

export type NamedWeights = Map<string, WeightTensor>;

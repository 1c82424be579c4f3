// The Han CNN's training flags (--epochs, --seed, --patience, --batch, --lr) as fit settings, shared by
// `train-baseline` and `loso`; flags not given keep the baseline's defaults.
import type { Args } from './args.ts';

export function hanFitArgs(args: Args): { epochs?: number; seed?: number; patience?: number; batchSize?: number; learningRate?: number } {
  return {
    ...(args.has('epochs') ? { epochs: args.num('epochs')! } : {}),
    ...(args.has('seed') ? { seed: args.num('seed')! } : {}),
    ...(args.has('patience') ? { patience: args.num('patience')! } : {}),
    ...(args.has('batch') ? { batchSize: args.num('batch')! } : {}),
    ...(args.has('lr') ? { learningRate: args.num('lr')! } : {}),
  };
}

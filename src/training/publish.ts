// Writes a trained model as a model folder (weights manifest + shards, config.json with the mel
// normalisation and the run's facts, MODEL_CARD.md; the loss log is already there).
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { writeModelDir } from '../weights/index.ts';
import type { NamedWeights } from '../weights/types.ts';
import { buildModelCard, MODEL_CARD, trainedConfigExtras, type ModelCardInfo } from './modelCard.ts';

export { MODEL_CARD } from './modelCard.ts';

export async function publishModel(dir: string, weights: NamedWeights, info: ModelCardInfo): Promise<void> {
  await writeModelDir(dir, weights, info.settings.config, { float16: info.storage === 'float16', extras: trainedConfigExtras(info) });
  writeFileSync(path.join(dir, MODEL_CARD), buildModelCard(info));
}

// Checkpoint -> model directory, streaming: the header is checked against the config before any
// data is read, then each tensor is read, transposed to TF.js layout, encoded (float32 or
// float16) and appended to the current shard, which goes to the sink when full. model.json is
// written last, so an interrupted conversion leaves no loadable half-model. Browser-safe.
import type { JobOptions } from '../common/progress.ts';
import type { UNetConfig } from '../unet/config.ts';
import type { ByteSource } from './bytesource.ts';
import { checkShapesAgainstConfig } from './check.ts';
import { tfjsShape, toTfjsLayout } from './layout.ts';
import { CONFIG_JSON, MODEL_JSON, type ModelJson } from './manifest.ts';
import { ManifestWriter, type ShardSink } from './manifest-writer.ts';
import { openCheckpoint, streamCheckpoint } from './safetensors.ts';
import type { NamedWeights } from './types.ts';

export interface ConvertOptions extends JobOptions {
  float16?: boolean;
  shardBytes?: number;
  /** Extra config.json fields next to `unet` (mel normalisation, model card, ...). */
  extras?: Record<string, unknown>;
}

export interface ConvertResult {
  modelJson: ModelJson;
  warnings: string[];
  tensors: number;
  /** Bytes of shard data written. */
  bytes: number;
}

const encodeJson = (v: unknown) => new TextEncoder().encode(`${JSON.stringify(v, null, 1)}\n`);

/** config.json's content: the full UNetV0 config under `unet`, then the extras. */
export function modelConfigJson(config: UNetConfig, extras: Record<string, unknown> = {}): Record<string, unknown> {
  const { unet: _ignored, ...rest } = extras;
  return { unet: config, ...rest };
}

async function finishModel(writer: ManifestWriter, config: UNetConfig, sink: ShardSink, extras?: Record<string, unknown>): Promise<ModelJson> {
  const modelJson = await writer.finish();
  await sink(CONFIG_JSON, encodeJson(modelConfigJson(config, extras)));
  await sink(MODEL_JSON, encodeJson(modelJson));
  return modelJson;
}

/** Converts a safetensors checkpoint into model files handed to `sink` (shards, config.json, model.json). */
export async function convertToModelFiles(source: ByteSource, config: UNetConfig, sink: ShardSink, opts: ConvertOptions = {}): Promise<ConvertResult> {
  const ckpt = await openCheckpoint(source);
  const shapes = new Map([...ckpt.entries].map(([k, e]) => [k, e.shape]));
  checkShapesAgainstConfig(shapes, config, source.name);
  const plan = [...ckpt.entries].map(([key, e]) => ({ name: key, shape: tfjsShape(key, e.shape) }));
  let bytes = 0;
  const counting: ShardSink = (name, b) => ((bytes += b.length), sink(name, b));
  const writer = new ManifestWriter(plan, counting, { float16: opts.float16, shardBytes: opts.shardBytes, convertedFrom: source.name });
  const onProgress = opts.onProgress && ((p: Parameters<NonNullable<JobOptions['onProgress']>>[0]) => opts.onProgress!({ ...p, stage: 'converting weights' }));
  await streamCheckpoint(ckpt, (key, t) => writer.add(key, toTfjsLayout(key, t)), { signal: opts.signal, onProgress });
  const modelJson = await finishModel(writer, config, sink, opts.extras);
  return { modelJson, warnings: [...ckpt.warnings, ...writer.warnings], tensors: plan.length, bytes };
}

/** Writes in-memory weights (TF.js layout) as model files through `sink`. */
export async function writeModelFiles(weights: NamedWeights, config: UNetConfig, sink: ShardSink, opts: Omit<ConvertOptions, 'onProgress' | 'signal'> & { convertedFrom?: string } = {}): Promise<ConvertResult> {
  const plan = [...weights].map(([name, t]) => ({ name, shape: t.shape }));
  let bytes = 0;
  const counting: ShardSink = (name, b) => ((bytes += b.length), sink(name, b));
  const writer = new ManifestWriter(plan, counting, { float16: opts.float16, shardBytes: opts.shardBytes, convertedFrom: opts.convertedFrom });
  for (const [name, t] of weights) await writer.add(name, t);
  const modelJson = await finishModel(writer, config, sink, opts.extras);
  return { modelJson, warnings: writer.warnings, tensors: plan.length, bytes };
}

// Checks weights against a UNetV0 config (src/unet/shapes.ts says which keys and PyTorch shapes a
// config implies). A mismatch names the key, the expected and the actual shape (PyTorch layout);
// missing and unexpected keys are listed; and what the weights imply (channels, factors, dim,
// modulation features, heads x features) is shown where it differs from the config.
import { LabError } from '../common/errors.ts';
import type { UNetConfig } from '../unet/config.ts';
import { TIME_IN_KEY } from '../unet/paths.ts';
import { expectedWeightShapes } from '../unet/shapes.ts';
import { listBriefly } from './keys.ts';
import { torchShape } from './layout.ts';
import type { NamedWeights } from './types.ts';

export interface ShapeMismatch {
  key: string;
  expected: number[];
  actual: number[];
}

export interface ConfigComparison {
  mismatched: ShapeMismatch[];
  missing: string[];
  unexpected: string[];
  /** Config fields whose value the weights contradict, e.g. `channels [8,16,32,64]`. */
  implied: string[];
}

const fmt = (s: readonly number[]) => `[${s.join(', ')}]`;

/** What the weights' shapes say about the config (only what can be read from them). */
export function impliedConfig(shapes: ReadonlyMap<string, readonly number[]>): Partial<Record<keyof UNetConfig, unknown>> {
  const out: Partial<Record<keyof UNetConfig, unknown>> = {};
  const timeIn = shapes.get(`${TIME_IN_KEY}.weight`);
  if (timeIn?.length === 2) out.modulation_features = timeIn[0];
  const downs = [...shapes.entries()]
    .filter(([k, s]) => /^blocks\.2\.blocks\.1\.net\.(.+\.)?block\.blocks\.0\.block\.weight$/.test(k) && (s.length === 3 || s.length === 4))
    .sort((a, b) => a[0].length - b[0].length);
  if (downs.length > 0) {
    out.dim = downs[0][1].length - 2;
    out.in_channels = downs[0][1][1];
    out.channels = downs.map(([, s]) => s[0]);
    out.factors = downs.map(([, s]) => s[2]);
  }
  const q = [...shapes.entries()].find(([k, s]) => k.endsWith('.to_q.weight') && s.length === 2);
  if (q) out.attention_heads = q[1][0]; // heads x features, reported as such
  return out;
}

function impliedDifferences(shapes: ReadonlyMap<string, readonly number[]>, cfg: UNetConfig): string[] {
  const implied = impliedConfig(shapes);
  const diffs: string[] = [];
  for (const [k, v] of Object.entries(implied)) {
    if (k === 'attention_heads') {
      const hd = cfg.attention_heads * cfg.attention_features;
      if (v !== hd) diffs.push(`attention_heads x attention_features = ${v as number} (config: ${cfg.attention_heads} x ${cfg.attention_features} = ${hd})`);
      continue;
    }
    const mine = cfg[k as keyof UNetConfig];
    if (JSON.stringify(v) !== JSON.stringify(mine)) diffs.push(`${k} ${JSON.stringify(v)} (config: ${JSON.stringify(mine)})`);
  }
  return diffs;
}

/** Compares PyTorch-layout shapes (canonical keys) with what `cfg` implies. */
export function compareShapesWithConfig(shapes: ReadonlyMap<string, readonly number[]>, cfg: UNetConfig): ConfigComparison {
  const expected = expectedWeightShapes(cfg);
  const mismatched: ShapeMismatch[] = [];
  const missing: string[] = [];
  for (const [key, want] of expected) {
    const got = shapes.get(key);
    if (got === undefined) missing.push(key);
    else if (got.length !== want.length || got.some((d, i) => d !== want[i])) mismatched.push({ key, expected: [...want], actual: [...got] });
  }
  const unexpected = [...shapes.keys()].filter((k) => !expected.has(k));
  const ok = mismatched.length === 0 && missing.length === 0 && unexpected.length === 0;
  return { mismatched, missing, unexpected, implied: ok ? [] : impliedDifferences(shapes, cfg) };
}

/** Throws a LabError describing every disagreement between `shapes` (PyTorch layout) and `cfg`. */
export function checkShapesAgainstConfig(shapes: ReadonlyMap<string, readonly number[]>, cfg: UNetConfig, source = 'weights'): void {
  const c = compareShapesWithConfig(shapes, cfg);
  const parts: string[] = [];
  if (c.mismatched.length > 0) {
    const list = c.mismatched.map((m) => `${m.key}: expected ${fmt(m.expected)}, got ${fmt(m.actual)}`);
    parts.push(`${c.mismatched.length} tensors have the wrong shape (PyTorch layout): ${listBriefly(list, 4)}`);
  }
  if (c.missing.length > 0) parts.push(`${c.missing.length} tensors are missing: ${listBriefly(c.missing, 4)}`);
  if (c.unexpected.length > 0) parts.push(`${c.unexpected.length} tensors are not in the config's network: ${listBriefly(c.unexpected, 4)}`);
  if (parts.length === 0) return;
  const hint = c.implied.length > 0 ? `. The weights imply ${c.implied.join('; ')}` : '';
  throw new LabError(`${source}: weights do not match the config: ${parts.join('; ')}${hint}`, 'config-mismatch');
}

/** checkShapesAgainstConfig for weights in TF.js layout (as read or loaded). */
export function checkWeightsAgainstConfig(weights: NamedWeights, cfg: UNetConfig, source = 'weights'): void {
  const shapes = new Map<string, number[]>();
  for (const [k, t] of weights) shapes.set(k, torchShape(k, t.shape));
  checkShapesAgainstConfig(shapes, cfg, source);
}

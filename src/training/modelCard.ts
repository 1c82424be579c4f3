// MODEL_CARD.md of a trained diffusion model: what it is, the data, the run, the results and
// where the loss curve's data is, written next to the weights.
import type { UNetConfig } from '../unet/config.ts';
import { parameterCount } from '../unet/shapes.ts';
import type { DiffusionEval } from './evaluate.ts';
import type { TrainResult, TrainSettings } from './train.ts';

export const MODEL_CARD = 'MODEL_CARD.md';

export interface ModelCardInfo {
  name: string;
  settings: TrainSettings;
  steps: number;
  corpus: { source: string; preset?: string; seed?: number; trainClips: number; validationClips: number };
  melNorm: { mean: number; std: number };
  backend: string;
  wallTimeSec: number;
  clipsPerSec: number;
  finalTrainLoss: number;
  validation?: DiffusionEval;
  storage: 'float16' | 'float32';
  /** The command line (rendered as code) and a note after it. */
  command: string;
  commandNote?: string;
  logFile: string;
  /** Training data from several corpora (the card lists each; `corpus` then sums them). */
  corpora?: { source: string; preset?: string; seed?: number; trainClips: number; validationClips: number }[];
  /** The multi-label (OpenPIR-like) training clips were included. */
  withMulti?: boolean;
  /** Early stopping: why the run ended and which step's weights these are. */
  stop?: TrainResult['stop'];
  /** Free text for the card's Training section (e.g. how a run spanned sessions). */
  notes?: string[];
}

const fmt = (x: number | undefined, d = 4) => (x === undefined || !Number.isFinite(x) ? 'n/a' : x.toFixed(d));

function configLine(c: UNetConfig): string {
  return `dim ${c.dim}, channels [${c.channels.join(', ')}], factors [${c.factors.join(', ')}], items [${c.items.join(', ')}], ` +
    `attentions [${c.attentions.join(', ')}], cross_attentions [${c.cross_attentions.join(', ')}], ` +
    `${c.attention_heads} heads x ${c.attention_features}, modulation ${c.modulation_features}, resnet_groups ${c.resnet_groups}`;
}

const corpusName = (c: { source: string; preset?: string; seed?: number }) => (c.preset ? `preset \`${c.preset}\`, seed ${c.seed} (${c.source})` : c.source);

function corpusLines(i: ModelCardInfo): string {
  if (!i.corpora || i.corpora.length < 2) return `- corpus: ${corpusName(i.corpus)}`;
  return `- corpora:\n${i.corpora.map((c) => `  - ${corpusName(c)}: ${c.trainClips} training clips, ${c.validationClips} validation clips`).join('\n')}`;
}

function initLine(i: ModelCardInfo): string {
  const init = i.settings.init;
  return init ? `- initialised from \`${init.model}\` (weights hash ${init.hash.slice(0, 12)}; its mel normalisation kept); Adam moments fresh, warm-up again\n` : '';
}

const ENDED: Record<NonNullable<ModelCardInfo['stop']>['reason'], string> = {
  patience: 'ended by patience (validation v-loss stopped improving)',
  'step cap': 'ended by the step cap, still improving',
  unfinished: 'not ended: a snapshot of a run that goes on (its validation v-loss was still improving)',
};

function stopLines(i: ModelCardInfo): string {
  const st = i.stop;
  if (!st) return '';
  return `- stopping: validate every ${st.validateEvery} steps; stop after ${st.patience} validations in a row without a relative improvement of ${st.minRelDelta * 100} % over the best; ` +
    `${ENDED[st.reason]}; weights of the best validation${st.reason === 'unfinished' ? ' so far' : ''}, step ${st.bestStep} (v-loss ${fmt(st.bestVLoss)})\n`;
}

export function buildModelCard(i: ModelCardInfo): string {
  const s = i.settings;
  const v = i.validation;
  const centred = i.melNorm.mean < 0 ? `logmel + ${-i.melNorm.mean}` : `logmel - ${i.melNorm.mean}`;
  const bySigma = v ? Object.entries(v.vLossBySigma).map(([k, x]) => `${k}: ${fmt(x)}`).join(', ') : 'n/a';
  return `# ${i.name}

A v-objective diffusion U-Net (UNetV0 layout of the seed paper, unconditional: every
cross-attention reads the learned null embedding) trained by this lab on log-mel spectrograms
of a corpus, by the command or page named under Training.

## Model
- ${configLine(s.config)}
- ${parameterCount(s.config).toLocaleString('en-US')} parameters, stored as ${i.storage}
- input: log-mel ln(max(mel, 1e-5)) (128 mel bands, 16 kHz, hop 320), normalised as
  (${centred}) / ${i.melNorm.std} (recorded in config.json, \`mel.normalisation\`;
  mean and std of every training log-mel value)

## Data
${corpusLines(i)}
- ${i.corpus.trainClips} training clips${i.withMulti ? ' (single-label and the multi-label set)' : i.withMulti === false ? ' (single-label only; the multi-label set left out)' : ''}, ${i.corpus.validationClips} validation clips (validation: centre crops)
- random ${s.cropFrames}-frame crops (${(s.cropFrames * 0.02).toFixed(2)} s), sigma ~ U[0, 1], seeded noise

## Training
- ${i.steps} steps, batch ${s.batch} (micro-batches of ${s.microBatch || s.batch}), seed ${s.seed}
${initLine(i)}- Adam: lr ${s.adam.lr}, betas (${s.adam.beta1}, ${s.adam.beta2}), eps ${s.adam.epsilon}, linear warm-up ${s.adam.warmupSteps} steps, gradient norm clipped at ${s.adam.clipNorm}${s.ema !== undefined ? `
- weight average (EMA) with decay min(${s.ema}, (1 + step) / (10 + step)) after every update; validation, early stopping and these weights are the average's` : ''}
- backend: ${i.backend}; wall time ${(i.wallTimeSec / 60).toFixed(1)} min${i.clipsPerSec > 0 ? ` (${fmt(i.clipsPerSec, 2)} clips/s)` : ' (no steps in the last session: the rate is in the loss log)'}
- command: \`${i.command}\`${i.commandNote ? ` (${i.commandNote})` : ''}
${stopLines(i)}${(i.notes ?? []).map((n) => `- ${n}\n`).join('')}
## Results
- final training loss (v MSE, mean of the last log interval): ${fmt(i.finalTrainLoss)}
- validation${i.stop ? ` at the returned step ${i.stop.bestStep}` : ''} (${v?.clips ?? 0} clips, sigma in {0.1, 0.3, 0.5, 0.7, 0.9}, fixed noise): v-loss ${fmt(v?.vLoss)}, one-step x0 error at sigma 0.5: ${fmt(v?.x0Error)}
- validation v-loss by sigma: ${bySigma}
- loss curve data: \`${i.logFile}\` (JSON lines: \`kind\` "train" with step, loss, lossBySigma, lr, gradNorm, time, or "val" with vLoss, vLossBySigma, x0Error)

## Use
Features: \`--model ${i.name}\`. Control: \`random-init:${i.name}\` (same config and normalisation, seeded random weights).
PyTorch: \`npx diffpir export models/${i.name} --out ${i.name}.safetensors\` writes a DiffusionModel state_dict.
`;
}

/** config.json extras: name, mel normalisation (read by features/mel-norm.ts), training facts. */
export function trainedConfigExtras(info: ModelCardInfo): Record<string, unknown> {
  return {
    name: info.name,
    mel: { normalisation: { mean: info.melNorm.mean, std: info.melNorm.std } },
    training: {
      objective: 'v-diffusion', steps: info.steps, batch: info.settings.batch, seed: info.settings.seed,
      cropFrames: info.settings.cropFrames, adam: info.settings.adam, corpus: info.corpus, backend: info.backend,
      ...(info.corpora && info.corpora.length > 1 ? { corpora: info.corpora } : {}), ...(info.withMulti !== undefined ? { withMulti: info.withMulti } : {}),
      ...(info.settings.init ? { init: info.settings.init } : {}), ...(info.stop ? { stop: info.stop } : {}),
      wallTimeSec: Math.round(info.wallTimeSec), finalTrainLoss: info.finalTrainLoss, validation: info.validation,
      lossLog: info.logFile,
    },
  };
}

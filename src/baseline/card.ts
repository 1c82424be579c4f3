// The model card written next to a trained Han CNN: what it is, what it was trained on, how
// it frames audio, how long training took, and its validation and test scores.
import type { EvaluationResult } from '../evaluation/evaluate.ts';
import type { HanModel } from './han.ts';

const f3 = (x: number) => x.toFixed(3);

export function hanCard(model: HanModel, evaluation: EvaluationResult, command?: string): string {
  const m = model.meta;
  const epochs = m.metrics.epochs;
  const perEpoch = epochs.length ? epochs.reduce((s, e) => s + e.seconds, 0) / epochs.length : 0;
  const rows = evaluation.test.classes.map((c) =>
    `| ${c.code} | ${c.support} | ${f3(c.precision)} | ${f3(c.recall)} | ${c.f1 === null ? 'n/a' : f3(c.f1)} |`);
  return [
    '# Han et al. (2017) CNN, trained by DiffPIR Lab',
    '',
    `Re-implementation of the predominant-instrument CNN of Han, Kim and Lee (2017): four blocks of two`,
    `3x3 convolutions (${m.config.filters.join(', ')} filters) with LeakyReLU(${m.config.leakyAlpha}), 3x3 max-pooling and dropout`,
    `${m.config.blockDropout} after the first three, global max-pooling, dense ${m.config.dense}, dropout ${m.config.denseDropout},`,
    `${m.config.classes} sigmoid outputs: ${m.parameters.toLocaleString('en')} parameters.`,
    '',
    '## Input framing',
    `16 kHz mono, log-mel of the lab's front end (n_fft 640, hop 320, 128 HTK bands, ln(max(mel, 1e-5))),`,
    `standardised with the training set's mean ${f3(modelNorm(model, 'mean'))} and std ${f3(modelNorm(model, 'std'))}.`,
    `Windows of ${m.framing.windowFrames} frames (1 s). Training: windows every ${m.framing.trainHopFrames} frames of each training clip,`,
    `labelled with the clip's labels. Scoring: windows every ${m.framing.evalHopFrames} frames (plus one ending at the clip end),`,
    `sigmoid outputs averaged over the clip, divided by the top class, thresholded.`,
    '',
    '## Training',
    `Corpus: ${String(m.provenance?.corpus ?? 'unknown')} (${String(m.provenance?.corpusDir ?? '')}).`,
    `${m.metrics.trainClips} training clips (${m.metrics.trainWindows} windows), ${m.metrics.validationWindows} validation windows.`,
    `Adam lr ${m.training.learningRate}, batch ${m.training.batchSize}, seed ${m.seed}, binary cross-entropy,`,
    `early stopping on ${m.training.monitor} with patience ${m.training.patience} (max ${m.training.epochs} epochs).`,
    `Ran ${epochs.length} epochs (kept epoch ${m.metrics.bestEpoch}, stopped by ${m.metrics.stopReason}), ${perEpoch.toFixed(1)} s per epoch,`,
    `${m.metrics.trainSeconds.toFixed(0)} s in all on the ${m.metrics.backend} backend.`,
    command ? `Command: \`${command}\`` : '',
    '',
    '## Scores',
    `Threshold ${m.threshold.values[0]} (${m.threshold.mode}, chosen on ${m.threshold.validationClips} validation clips to maximise ${m.threshold.objective}).`,
    `Validation: micro F1 ${f3(evaluation.validation.micro.f1)}, macro F1 ${f3(evaluation.validation.macro.f1)}.`,
    `Test (${evaluation.test.clips} clips): micro F1 ${f3(evaluation.test.micro.f1)}, macro F1 ${f3(evaluation.test.macro.f1)}.`,
    '',
    '| class | test clips | precision | recall | F1 |',
    '|---|---|---|---|---|',
    ...rows,
    '',
  ].join('\n');
}

function modelNorm(model: HanModel, which: 'mean' | 'std'): number {
  return model.params.get(`norm.${which}`).dataSync()[0];
}

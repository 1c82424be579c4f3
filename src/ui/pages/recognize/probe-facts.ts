// What made a probe's answer, in one place for the Recognize page: the model whose activations it
// reads, the data it was trained on and how well it scored on validation (and test), from the
// shipped probe's card.json or the figures of a probe trained in this browser.
import { headName } from '../experiment/provenance.ts';

export interface ProbeFacts {
  /** "CRNN head on student-v1's activations at d3.0.resnet, σ 0.2" */
  reads: string;
  model: string;
  /** The training data in words. */
  data: string;
  /** "validation micro F1 0.426 (test 0.260)" or that it was not recorded. */
  scores: string;
}

/** The fields of a shipped probe's card.json the page uses (train-probe writes it). */
export interface ProbeCardJson {
  model?: { id?: string };
  corpus?: { id?: string; preset?: string; source?: string; clips?: { train?: number; validation?: number; test?: number } };
  sigma?: number;
  tap?: string;
  head?: string;
  validation?: { microF1?: number; macroF1?: number };
  test?: { micro?: { f1?: number }; clips?: number };
}

interface ProbeJson {
  kind?: string;
  featureSpec?: { model?: string; sigma?: number; tap?: string };
}

const f3 = (x: number | undefined) => (typeof x === 'number' ? x.toFixed(3) : '?');

function readsLine(kind: string | undefined, model: string, tap: string | undefined, sigma: number | undefined): string {
  return `${kind ? headName(kind) : 'a'} head on ${model}’s activations at ${tap ?? '?'}, σ ${sigma ?? '?'}`;
}

/** Facts of the shipped probe from its card.json (and probe.json for what the card lacks). */
export function factsFromCard(card: ProbeCardJson | null, probeJson: string): ProbeFacts {
  const p = parseProbe(probeJson);
  const model = card?.model?.id ?? p.featureSpec?.model ?? '?';
  const c = card?.corpus;
  const clips = c?.clips;
  const data = c
    ? `${c.source === 'rendered' && c.preset ? `the built-in ${c.preset} corpus` : c.id ?? 'a corpus'}${clips ? ` (${clips.train ?? '?'} training, ${clips.validation ?? '?'} validation, ${clips.test ?? '?'} test clips${c.id ? `; ${c.id}` : ''})` : ''}`
    : 'not recorded (no card.json beside the probe)';
  const scores = card?.validation
    ? `validation micro F1 ${f3(card.validation.microF1)}${card.test?.micro ? ` (test ${f3(card.test.micro.f1)})` : ''}`
    : 'validation score not recorded';
  return { reads: readsLine(card?.head ?? p.kind, model, card?.tap ?? p.featureSpec?.tap, card?.sigma ?? p.featureSpec?.sigma), model, data, scores };
}

/** Facts of a probe saved in this browser (trained here, or imported without figures). */
export function factsFromRecord(probeJson: string, trained: { validation: { microF1: number }; test: { micro: { f1: number } } } | null, corpus: string | undefined): ProbeFacts {
  const p = parseProbe(probeJson);
  const model = p.featureSpec?.model ?? '?';
  return {
    reads: readsLine(p.kind, model, p.featureSpec?.tap, p.featureSpec?.sigma),
    model,
    data: corpus ? corpus.replace(/^stored:/, '') : 'not recorded (imported probe)',
    scores: trained ? `validation micro F1 ${f3(trained.validation.microF1)} (test ${f3(trained.test.micro.f1)})` : 'validation score not recorded (imported probe)',
  };
}

function parseProbe(json: string): ProbeJson {
  try {
    return JSON.parse(json) as ProbeJson;
  } catch {
    return {};
  }
}

import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { factsFromCard, factsFromRecord } from './probe-facts.ts';

describe('probe facts for the Recognize page', () => {
  it('reads model, data and validation score from the shipped probe card', () => {
    const card = JSON.parse(readFileSync('models/probe-default/card.json', 'utf8'));
    const f = factsFromCard(card, readFileSync('models/probe-default/probe.json', 'utf8'));
    expect(f.model).toBe('student-v1');
    expect(f.reads).toBe('CRNN head on student-v1’s activations at d3.0.resnet, σ 0.2');
    expect(f.data).toMatch(/^the built-in small corpus \(660 training, 165 validation, 150 test clips; rendered-small-seed1-/);
    expect(f.scores).toBe('validation micro F1 0.426 (test 0.260)');
  });

  it('says what is not recorded', () => {
    const json = JSON.stringify({ kind: 'mlp', featureSpec: { model: 'random-init:tiny', sigma: 0.1, tap: 'd3.0.resnet' } });
    expect(factsFromCard(null, json).scores).toBe('validation score not recorded');
    expect(factsFromRecord(json, null, undefined)).toMatchObject({ model: 'random-init:tiny', scores: 'validation score not recorded (imported probe)' });
    expect(factsFromRecord(json, { validation: { microF1: 0.5 }, test: { micro: { f1: 0.25 } } }, 'stored:builtin:tiny:1').data).toBe('builtin:tiny:1');
  });
});

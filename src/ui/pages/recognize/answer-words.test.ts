import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { hanSummary } from '../../../baseline/summary.ts';
import { hanFactsLine, hanLabel, probeLabel } from './answer-words.ts';
import { RECOGNIZE_HAN_FOLDER } from './shipped-han.ts';

describe('answer labels', () => {
  it('names the probe with its U-Net and the Han CNN with its folder', () => {
    expect(probeLabel('probe-default (shipped)', 'student-v1')).toBe('probe-default (shipped) reading U-Net student-v1');
    expect(hanLabel('han-cnn-recorded')).toBe('Han CNN han-cnn-recorded');
  });

  it('says what the shipped Han CNN was trained on and how it scored', () => {
    const meta = JSON.parse(readFileSync(`models/${RECOGNIZE_HAN_FOLDER}/model.json`, 'utf8'));
    expect(RECOGNIZE_HAN_FOLDER).toBe('han-cnn-recorded');
    expect(hanFactsLine(hanSummary(meta))).toBe('trained on rendered-small-seed1-875175ca322d (660 training clips), 20 epochs; validation micro F1 0.528 (test 0.355)');
    expect(hanFactsLine(hanSummary({}))).toBe('training data not recorded; validation score not recorded');
  });
});

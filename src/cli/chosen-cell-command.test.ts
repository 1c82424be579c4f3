// The chosen-cell hint carries every setting that changes the probe, and nothing at its default.
import { describe, expect, it } from 'vitest';
import { chosenCellCommand } from './chosen-cell-command.ts';
import { sweepSettings } from '../sweep/settings.ts';

const cell = { sigma: 0.01, tap: 'd3.4.resnet', head: 'mlp' };

describe('chosenCellCommand', () => {
  it('is short at the defaults', () => {
    expect(chosenCellCommand({ model: 'models/model-b', corpus: 'small', settings: sweepSettings() }, cell))
      .toBe('npx diffpir train-probe --model models/model-b --corpus small --sigma 0.01 --tap d3.4.resnet --head mlp --out <dir>');
  });

  it('keeps the multi-label clips, corpus seed, probe seed, fit and window of the sweep', () => {
    const settings = sweepSettings({ probeSeed: 3, noiseSeed: 2, maxClips: 11, window: { frames: 48, hop: 24 }, fit: { epochs: 20, patience: 4 } });
    const line = chosenCellCommand({ model: 'm', corpus: 'tiny', corpusSeed: 5, withMulti: true, settings }, cell);
    expect(line).toBe('npx diffpir train-probe --model m --corpus tiny --seed 5 --max-clips 11 --with-multi --sigma 0.01 --tap d3.4.resnet' +
      ' --head mlp --noise-seed 2 --probe-seed 3 --epochs 20 --patience 4 --window 48/24 --out <dir>');
  });
});

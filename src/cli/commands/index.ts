// Registry of CLI commands. Add one line per command.
import type { Command } from '../command.ts';
import { backendCommand } from './backend.ts';
import { melCommand } from './mel.ts';
import { convertCommand } from './convert.ts';
import { corpusCommand } from './corpus.ts';
import { sweepCommand } from './sweep.ts';
import { recognizeCommand } from './recognize.ts';
import { combineCommand } from './combine.ts';
import { trainProbeCommand } from './train-probe.ts';
import { trainBaselineCommand } from './train-baseline.ts';
import { trainDiffusionCommand } from './train-diffusion.ts';
import { trainRegimesCommand } from './train-regimes.ts';
import { trainStatusCommand } from './train-status.ts';
import { evalDiffusionCommand } from './eval-diffusion.ts';
import { exportCommand } from './export.ts';
import { tapsCommand } from './taps.ts';
import { workerCommand } from './worker.ts';
import { mergeCommand } from './merge.ts';
import { bankCommand } from './bank.ts';
import { scoreHanCommand } from './score-han.ts';
import { scoreCommand } from './score.ts';
import { calibrateCommand } from './calibrate.ts';
import { losoCommand } from './loso.ts';
import { spreadCommand } from './spread.ts';
import { claimsCommand } from './claims.ts';

export const commands: Command[] = [backendCommand, melCommand, convertCommand, corpusCommand, sweepCommand, workerCommand, mergeCommand, spreadCommand, claimsCommand, recognizeCommand, trainProbeCommand, trainBaselineCommand, trainDiffusionCommand, trainRegimesCommand, trainStatusCommand, evalDiffusionCommand, tapsCommand, exportCommand, bankCommand, scoreHanCommand, losoCommand, scoreCommand, calibrateCommand, combineCommand];
